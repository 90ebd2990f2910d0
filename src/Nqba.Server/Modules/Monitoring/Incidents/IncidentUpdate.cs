namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>A timed public update on an incident.</summary>
internal sealed class IncidentUpdate
{
    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public IncidentStatus Status { get; set; }

    public required string Message { get; set; }

    public DateTime At { get; set; }
}
