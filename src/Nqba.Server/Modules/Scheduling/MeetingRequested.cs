using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>A client asked for a meeting of a type that requires confirmation; it waits for staff (times in UTC, ids only).</summary>
public sealed record MeetingRequested(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, string MeetingType, DateTime StartsAt, DateTime EndsAt, string RequestedBy, DateTime RequestedAt) : IDomainEvent;
