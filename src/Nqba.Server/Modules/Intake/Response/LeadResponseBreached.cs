using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake;

/// <summary>A lead was not touched within its response target (business time).</summary>
public sealed record LeadResponseBreached(Guid LeadId, Guid? OrganizationId, string? UnitCode, Guid? SpecialistId, DateTime DueAt) : IDomainEvent;
