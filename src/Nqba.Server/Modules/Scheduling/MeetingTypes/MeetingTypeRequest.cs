namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>
/// A meeting type as written through the API and the page. Lengths are whole minutes; limits left empty mean no limit;
/// <c>windowKind</c> is CalendarDays or BusinessDays (with <c>bookingWindowDays</c>) or DateRange (with
/// <c>windowStart</c> and <c>windowEnd</c>). <c>code</c> is only read on create.
/// </summary>
public sealed record MeetingTypeRequest(
    string? Code,
    string? Name,
    int? DurationMinutes,
    int? SlotStepMinutes = null,
    int? BeforeBufferMinutes = null,
    int? AfterBufferMinutes = null,
    int? StartOffsetMinutes = null,
    int? MinimumNoticeMinutes = null,
    BookingWindowKind? WindowKind = null,
    int? BookingWindowDays = null,
    DateOnly? WindowStart = null,
    DateOnly? WindowEnd = null,
    int? MaxPerDay = null,
    int? MaxPerWeek = null,
    int? MaxPerMonth = null,
    int? MaxMinutesPerDay = null,
    int? MaxMinutesPerWeek = null,
    int? MaxMinutesPerMonth = null,
    bool? Active = null,
    int? Version = null);
