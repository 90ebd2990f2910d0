namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>One routing decision for a lead, kept with its reason (a lead rerouted has several).</summary>
internal sealed class RoutingDecision
{
    public Guid Id { get; set; }

    public Guid LeadId { get; set; }

    public Guid ClientOrganizationId { get; set; }

    public Guid SpecialistId { get; set; }

    public required string SpecialistName { get; set; }

    public required string UnitCode { get; set; }

    public double Fit { get; set; }

    public required string Reason { get; set; }

    /// <summary>fast-path, batch (with the solver method) or manual.</summary>
    public required string Method { get; set; }

    public required string DecidedBy { get; set; }

    public DateTime DecidedAt { get; set; }
}
