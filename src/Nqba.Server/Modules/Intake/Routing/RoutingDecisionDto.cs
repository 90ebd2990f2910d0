namespace Nqba.Server.Modules.Intake.Routing;

internal sealed record RoutingDecisionDto(Guid Id, Guid LeadId, Guid SpecialistId, string SpecialistName, string UnitCode, double Fit, string Reason, string Method, string DecidedBy, DateTime DecidedAt)
{
    public static RoutingDecisionDto From(RoutingDecision d) => new(d.Id, d.LeadId, d.SpecialistId, d.SpecialistName, d.UnitCode, Math.Round(d.Fit, 2), d.Reason, d.Method, d.DecidedBy, d.DecidedAt);
}
