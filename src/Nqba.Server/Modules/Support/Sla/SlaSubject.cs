namespace Nqba.Server.Modules.Support.Sla;

/// <summary>What SLA policies are matched against: a ticket's (or a chat's) channel, priority, organization, tags and subject.</summary>
internal sealed record SlaSubject(TicketChannel Channel, TicketPriority Priority, Guid? OrganizationId, IReadOnlyCollection<string> Tags, string Subject)
{
    public static SlaSubject Of(Tickets.Ticket ticket) => new(
        ticket.Channel, ticket.Priority, ticket.OrganizationId, ticket.Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), ticket.Subject);
}
