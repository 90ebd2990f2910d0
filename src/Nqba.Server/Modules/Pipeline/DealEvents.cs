using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Pipeline;

/// <summary>A deal moved from one stage to another (by an event or a person).</summary>
[EventName("pipeline.deal-stage-changed")]
public sealed record DealStageChanged(Guid DealId, Guid? OrganizationId, Guid? LeadId, string FromStage, string ToStage, string By, DateTime At) : IDomainEvent;

/// <summary>A deal was won: onboarding starts from this event.</summary>
[EventName("pipeline.deal-won")]
public sealed record DealWon(Guid DealId, Guid? OrganizationId, Guid? LeadId, Guid? OwnerId, string? UnitCode, decimal? Value, string Currency, DateTime At) : IDomainEvent;

/// <summary>A deal was lost, with the reason.</summary>
[EventName("pipeline.deal-lost")]
public sealed record DealLost(Guid DealId, Guid? OrganizationId, Guid? LeadId, string Reason, DateTime At) : IDomainEvent;

/// <summary>A deal has been in one open stage longer than the stall threshold; raised once per deal and stage.</summary>
[EventName("pipeline.deal-stalled")]
public sealed record DealStalled(Guid DealId, Guid? OrganizationId, Guid? OwnerId, string Title, string Stage, int Days, int StallDays, DateTime At) : IDomainEvent;
