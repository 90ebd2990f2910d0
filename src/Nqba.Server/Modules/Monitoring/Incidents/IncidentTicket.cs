namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>A support ticket an affected client opened while the incident was open (linked automatically).</summary>
internal sealed class IncidentTicket
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public Guid TicketId { get; set; }

    public Guid OrganizationId { get; set; }

    public DateTime LinkedAt { get; set; }
}
