using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>The pre-meeting briefing for the specialist was prepared and sent.</summary>
public sealed record BriefingReady(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, DateTime StartsAt, DateTime PreparedAt) : IDomainEvent;
