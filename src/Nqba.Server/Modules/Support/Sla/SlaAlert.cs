namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// The claim that a warning or breach of one clock cycle was published. Its unique key (ticket, clock, kind,
/// cycle) is what makes each event fire exactly once, however many instances run the SLA watch.
/// </summary>
internal sealed class SlaAlert
{
    public Guid Id { get; set; }

    public Guid TicketId { get; set; }

    public SlaClockKind Clock { get; set; }

    public SlaAlertKind Kind { get; set; }

    public long Cycle { get; set; }

    public DateTime DueAt { get; set; }

    public DateTime At { get; set; }
}
