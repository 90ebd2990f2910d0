namespace Nqba.Server.Modules.Support.Resources;

/// <summary>Marker type for the support pages' strings (SupportResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class SupportResource;
