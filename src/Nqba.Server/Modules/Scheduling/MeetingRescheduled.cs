using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>A meeting moved to another time (by the client through their link, or by staff).</summary>
public sealed record MeetingRescheduled(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, DateTime PreviousStart, DateTime StartsAt, DateTime EndsAt, int Sequence, string ChangedBy, DateTime ChangedAt) : IDomainEvent;
