using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>Staff declined a requested meeting (it never became a booking); ids and times only.</summary>
public sealed record MeetingDeclined(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, DateTime StartsAt, string DeclinedBy, DateTime DeclinedAt) : IDomainEvent;
