namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

internal sealed record MeetingTypeDto(
    string Code,
    string Name,
    int DurationMinutes,
    int SlotStepMinutes,
    int BeforeBufferMinutes,
    int AfterBufferMinutes,
    int StartOffsetMinutes,
    int MinimumNoticeMinutes,
    BookingWindowKind WindowKind,
    int BookingWindowDays,
    DateOnly? WindowStart,
    DateOnly? WindowEnd,
    int? MaxPerDay,
    int? MaxPerWeek,
    int? MaxPerMonth,
    int? MaxMinutesPerDay,
    int? MaxMinutesPerWeek,
    int? MaxMinutesPerMonth,
    bool RequiresConfirmation,
    bool PendingBlocks,
    string? ScheduleName,
    HostAssignment Assignment,
    bool Active,
    int Version)
{
    public static MeetingTypeDto From(MeetingType t) => new(
        t.Code, t.Name, t.DurationMinutes, t.SlotStepMinutes, t.BeforeBufferMinutes, t.AfterBufferMinutes, t.StartOffsetMinutes, t.MinimumNoticeMinutes,
        t.WindowKind, t.BookingWindowDays, t.WindowStart, t.WindowEnd,
        t.MaxPerDay, t.MaxPerWeek, t.MaxPerMonth, t.MaxMinutesPerDay, t.MaxMinutesPerWeek, t.MaxMinutesPerMonth,
        t.RequiresConfirmation, t.PendingBlocks, t.ScheduleName, t.Assignment, t.Active, t.Version);
}
