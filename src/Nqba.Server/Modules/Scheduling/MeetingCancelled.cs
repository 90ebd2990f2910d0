using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>A meeting was cancelled; its time is free again.</summary>
public sealed record MeetingCancelled(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, DateTime StartsAt, string CancelledBy, DateTime CancelledAt) : IDomainEvent;
