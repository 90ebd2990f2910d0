using Nqba.Server.Modules.Monitoring.Incidents;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

public sealed record StatusIncident(
    Guid Id,
    string Title,
    IncidentStatus Status,
    bool Predicted,
    IReadOnlyList<string> Components,
    DateTime OpenedAt,
    DateTime? ResolvedAt,
    IReadOnlyList<IncidentUpdateDto> Updates);
