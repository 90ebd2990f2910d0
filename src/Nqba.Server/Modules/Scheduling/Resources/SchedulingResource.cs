namespace Nqba.Server.Modules.Scheduling.Resources;

/// <summary>Marker type for the booking pages' strings (SchedulingResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class SchedulingResource;
