namespace Nqba.Server.Modules.Insights.Resources;

/// <summary>Marker type for the Insights pages' and report's strings (InsightsResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class InsightsResource;
