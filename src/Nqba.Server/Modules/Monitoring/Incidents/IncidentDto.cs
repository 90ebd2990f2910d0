namespace Nqba.Server.Modules.Monitoring.Incidents;

public sealed record IncidentDto(
    Guid Id,
    string Title,
    IncidentStatus Status,
    IncidentOrigin Origin,
    bool Predicted,
    IReadOnlyList<string> Components,
    DateTime OpenedAt,
    DateTime? ResolvedAt,
    string? PostMortem,
    IReadOnlyList<IncidentUpdateDto> Updates);
