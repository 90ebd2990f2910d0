namespace Nqba.Server.Modules.Scheduling;

/// <summary>Scheduling's contract for other modules: the meetings booked for a lead.</summary>
public interface ILeadMeetings
{
    /// <summary>The lead's meetings, newest first (cancelled ones included, held slots not).</summary>
    Task<IReadOnlyList<LeadMeeting>> ForLeadAsync(Guid leadId, CancellationToken cancellationToken);
}

/// <summary>One meeting of a lead as other modules see it; times in UTC.</summary>
public sealed record LeadMeeting(Guid BookingId, string MeetingType, DateTime StartsAt, DateTime EndsAt, string Status, Guid SpecialistId, string? SpecialistName, string ClientTimeZone);
