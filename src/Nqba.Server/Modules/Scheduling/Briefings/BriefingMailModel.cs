namespace Nqba.Server.Modules.Scheduling.Briefings;

/// <summary>The briefing mailed to the specialist before a meeting (see <see cref="BriefingDto"/>), times in <paramref name="TimeZone"/>.</summary>
public sealed record BriefingMailModel(
    Guid BookingId,
    string MeetingType,
    DateTime StartUtc,
    string TimeZone,
    string? ClientName,
    string? ClientEmail,
    string? ClientNotes,
    int? AssessmentTotal,
    string? RecommendedUnit,
    string? RunnerUpUnit,
    string? RecommendedMeetingType,
    string? RoutingReason,
    IReadOnlyList<(string MeetingType, DateTime StartUtc)> EarlierMeetings,
    IReadOnlyList<string> OpenTickets,
    (string Stage, DateTime SinceUtc, string? Value)? Deal,
    IReadOnlyList<string> NotAvailableYet);
