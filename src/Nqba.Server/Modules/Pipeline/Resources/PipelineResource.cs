namespace Nqba.Server.Modules.Pipeline.Resources;

/// <summary>Marker type for the client's proposal page strings (PipelineResource.resx, .de.resx, .ja.resx).</summary>
internal sealed class PipelineResource;
