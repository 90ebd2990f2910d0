namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>A status change of a ticket: part of the history the SLA clocks are computed from.</summary>
internal sealed class TicketStatusChange
{
    public Guid Id { get; set; }

    public Guid TicketId { get; set; }

    public Guid? OrganizationId { get; set; }

    public TicketStatus From { get; set; }

    public TicketStatus To { get; set; }

    public DateTime At { get; set; }

    public required string By { get; set; }
}
