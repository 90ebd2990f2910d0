namespace Nqba.Server.Modules.Scheduling.Briefings;

/// <summary>What the specialist should know before a meeting; sections whose source module has not landed say so.</summary>
internal sealed record BriefingDto(
    Guid BookingId,
    string MeetingType,
    DateTimeOffset Start,
    string? ClientName,
    string? ClientEmail,
    string? ClientNotes,
    int? AssessmentTotal,
    string? RecommendedUnit,
    string? RunnerUpUnit,
    string? RecommendedMeetingType,
    string? RoutingReason,
    IReadOnlyList<EarlierMeetingDto> EarlierMeetings,
    IReadOnlyList<BriefingTicketDto> OpenTickets,
    IReadOnlyList<string> NotAvailableYet);
