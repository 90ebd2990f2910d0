namespace Nqba.Server.Modules.Monitoring.Resources;

/// <summary>Marker type for the staff monitoring pages' strings (MonitoringResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class MonitoringResource;
