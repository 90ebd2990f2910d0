namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>An incident (or a predicted warning) with its public timeline.</summary>
internal sealed class Incident
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    public IncidentStatus Status { get; set; }

    public IncidentOrigin Origin { get; set; }

    public List<Guid> ComponentIds { get; set; } = [];

    public DateTime OpenedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    public string? PostMortem { get; set; }

    /// <summary>For predicted warnings: what was predicted (monitor id and kind), so one warning is raised per cause.</summary>
    public string? PredictionKey { get; set; }

    public List<IncidentUpdate> Updates { get; set; } = [];
}
