namespace Nqba.Server.Resources;

/// <summary>Marker type for the shell's shared strings (SharedResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class SharedResource;
