namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>What a batch routing run did: the decisions, the leads left unrouted, the solver method and time.</summary>
internal sealed record BatchRoutingResult(List<RoutingDecisionDto> Routed, List<Guid> Unrouted, double TotalFit, string Method, bool ProvenOptimal, double ElapsedMs);
