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
    BriefingDealDto? Deal,
    IReadOnlyList<string> NotAvailableYet);

/// <summary>The lead's deal in the pipeline: its stage (the API identifier), since when, and its value.</summary>
internal sealed record BriefingDealDto(Guid DealId, string Stage, DateTimeOffset Since, decimal? Value, string Currency);
