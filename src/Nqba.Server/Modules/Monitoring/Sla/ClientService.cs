namespace Nqba.Server.Modules.Monitoring.Sla;

/// <summary>A client organization subscribes to a component; its monthly SLA report covers these.</summary>
internal sealed class ClientService
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ComponentId { get; set; }

    /// <summary>What the client pays per month for the service: the base of the credit owed.</summary>
    public decimal MonthlyFee { get; set; }
}
