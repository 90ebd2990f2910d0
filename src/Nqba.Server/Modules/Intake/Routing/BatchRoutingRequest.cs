namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>Leads to route together; when empty, every assessed lead not yet routed.</summary>
public sealed record BatchRoutingRequest(List<Guid>? LeadIds);
