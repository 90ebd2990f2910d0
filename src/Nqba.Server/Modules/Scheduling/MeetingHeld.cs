using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>The specialist recorded that the meeting took place.</summary>
public sealed record MeetingHeld(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, string MeetingType, DateTime StartsAt, string RecordedBy, DateTime RecordedAt) : IDomainEvent;
