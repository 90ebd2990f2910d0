using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling;

/// <summary>The specialist recorded the meeting's outcome and action items; the next meeting type is suggested.</summary>
public sealed record FollowUpCreated(Guid BookingId, Guid? OrganizationId, Guid SpecialistId, Guid? LeadId, string Outcome, int ActionItems, string? SuggestedMeetingType, DateTime CreatedAt) : IDomainEvent;
