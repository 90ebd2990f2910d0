using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake;

/// <summary>An untouched lead is nearing its response target; the unit's lead (most senior specialist) is notified.</summary>
public sealed record LeadResponseEscalated(Guid LeadId, Guid? OrganizationId, string? UnitCode, Guid? UnitLeadId, string? UnitLeadEmail, TimeSpan Elapsed, DateTime DueAt) : IDomainEvent;
