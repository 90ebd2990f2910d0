using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>A client booked a meeting with a specialist (times in UTC; no personal data beyond ids).</summary>
public sealed record MeetingBooked(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, string MeetingType, DateTime StartsAt, DateTime EndsAt, string BookedBy, DateTime BookedAt) : IDomainEvent;
