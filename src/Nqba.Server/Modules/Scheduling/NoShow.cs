using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>The client did not attend the meeting.</summary>
public sealed record NoShow(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, DateTime StartsAt, string RecordedBy, DateTime RecordedAt) : IDomainEvent;
