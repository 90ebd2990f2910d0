namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>
/// Leads to route together: the given ids, or every open lead of one specialist (<c>fromSpecialistId</c>: they fell
/// ill, left or are overloaded), or when both are empty every assessed lead not yet routed.
/// </summary>
public sealed record BatchRoutingRequest(List<Guid>? LeadIds, Guid? FromSpecialistId = null);
