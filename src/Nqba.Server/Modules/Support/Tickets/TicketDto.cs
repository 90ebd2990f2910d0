namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// A ticket as the inbox lists it, with its SLA clocks, its version (the ETag, for If-Match) and the earliest due
/// instant of a clock still running (<c>nextDueAt</c>: what the inbox counts down to; a clock that stopped late
/// keeps its due instant but no longer counts).
/// </summary>
public sealed record TicketDto(
    Guid Id,
    long Number,
    Guid? OrganizationId,
    string RegionCode,
    string Language,
    string Subject,
    string RequesterName,
    string? RequesterEmail,
    TicketChannel Channel,
    TicketPriority Priority,
    TicketStatus Status,
    Guid? TeamId,
    Guid? AssigneeId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FirstRespondedAt,
    DateTime? SolvedAt,
    string SlaPolicy,
    bool SlaPaused,
    SlaClockDto FirstResponse,
    SlaClockDto NextResponse,
    SlaClockDto Resolution,
    int Version,
    DateTime? NextDueAt)
{
    internal static TicketDto From(Ticket t) => new(
        t.Id, t.Number, t.OrganizationId, t.RegionCode, t.Language, t.Subject, t.RequesterName, t.RequesterEmail, t.Channel, t.Priority, t.Status,
        t.TeamId, t.AssigneeId, t.CreatedAt, t.UpdatedAt, t.FirstRespondedAt, t.SolvedAt, t.SlaPolicy, t.SlaPaused,
        new(t.FirstResponseWarnAt, t.FirstResponseDueAt), new(t.NextResponseWarnAt, t.NextResponseDueAt), new(t.ResolutionWarnAt, t.ResolutionDueAt), t.Version, t.NextDueAt);
}
