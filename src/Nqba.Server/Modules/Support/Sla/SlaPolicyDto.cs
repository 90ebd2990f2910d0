namespace Nqba.Server.Modules.Support.Sla;

public sealed record SlaPolicyDto(
    string Name,
    TicketChannel? Channel,
    TicketPriority? Priority,
    Guid? OrganizationId,
    string? Tag,
    string? SubjectPattern,
    TimeSpan? FirstResponse,
    TimeSpan? NextResponse,
    TimeSpan? Resolution,
    bool AroundTheClock)
{
    internal static SlaPolicyDto From(SlaPolicy p) =>
        new(p.Name, p.Channel, p.Priority, p.OrganizationId, p.Tag, p.SubjectPattern, p.FirstResponse, p.NextResponse, p.Resolution, p.AroundTheClock);
}
