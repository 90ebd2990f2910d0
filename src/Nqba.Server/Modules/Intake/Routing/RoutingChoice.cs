namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>The specialist chosen for a lead, the fit score and the reason in words.</summary>
internal sealed record RoutingChoice(Guid LeadId, RoutingSpecialist Specialist, double Fit, string Reason);
