using Nqba.Server.Modules.Intake.Assessment;

namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>What routing needs to know about a lead.</summary>
internal sealed record RoutingLead(Guid LeadId, string UnitCode, string Language, string? RegionCode, LeadTier Tier, IReadOnlyList<string> Tags);
