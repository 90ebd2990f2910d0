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
    IReadOnlyList<IncidentUpdateDto> Updates)
{
    internal static IncidentDto From(Incident i, IReadOnlyDictionary<Guid, string> keys) => new(
        i.Id,
        i.Title,
        i.Status,
        i.Origin,
        i.Origin == IncidentOrigin.Predicted,
        [.. i.ComponentIds.Select(id => keys.GetValueOrDefault(id, id.ToString()))],
        i.OpenedAt,
        i.ResolvedAt,
        i.PostMortem,
        [.. i.Updates.OrderBy(u => u.At).Select(u => new IncidentUpdateDto(u.Status, u.Message, u.At))]);
}
