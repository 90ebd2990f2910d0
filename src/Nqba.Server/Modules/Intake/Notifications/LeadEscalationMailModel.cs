namespace Nqba.Server.Modules.Intake.Notifications;

/// <summary>A lead nearing its response target untouched, for the unit's lead.</summary>
public sealed record LeadEscalationMailModel(Guid LeadId, string? UnitCode, TimeSpan Elapsed, DateTime DueAt);
