namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>
/// A meeting type as written through the API and the page. Lengths are whole minutes; limits left empty mean no limit;
/// <c>windowKind</c> is CalendarDays or BusinessDays (with <c>bookingWindowDays</c>) or DateRange (with
/// <c>windowStart</c> and <c>windowEnd</c>). <c>code</c> is only read on create. <c>requiresConfirmation</c>
/// makes bookings wait for staff; <c>pendingBlocks</c> keeps a waiting booking's time from others; <c>scheduleName</c>
/// picks the hosts' availability schedule of that name; <c>assignment</c> is RoundRobin or Collective (a unit's booking
/// with one of its specialists, or with all of them).
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
    int? Version = null,
    bool? RequiresConfirmation = null,
    bool? PendingBlocks = null,
    string? ScheduleName = null,
    HostAssignment? Assignment = null);
