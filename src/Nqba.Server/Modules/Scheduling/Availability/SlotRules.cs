using NodaTime;
using Nqba.Server.Modules.Scheduling.MeetingTypes;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>A meeting type's rules as the slot calculation uses them.</summary>
internal sealed record SlotRules(
    string TypeCode,
    Duration Length,
    Duration Step,
    Duration Offset,
    Duration BeforeBuffer,
    Duration AfterBuffer,
    Duration MinimumNotice,
    BookingWindow Window,
    BookingLimits Limits)
{
    public static SlotRules From(MeetingType type) => new(
        type.Code,
        Duration.FromMinutes(type.DurationMinutes),
        Duration.FromMinutes(type.SlotStepMinutes),
        Duration.FromMinutes(type.StartOffsetMinutes),
        Duration.FromMinutes(type.BeforeBufferMinutes),
        Duration.FromMinutes(type.AfterBufferMinutes),
        Duration.FromMinutes(type.MinimumNoticeMinutes),
        new BookingWindow(type.WindowKind, type.BookingWindowDays, type.WindowStart is { } s ? LocalDate.FromDateOnly(s) : null, type.WindowEnd is { } e ? LocalDate.FromDateOnly(e) : null),
        new BookingLimits(type.MaxPerDay, type.MaxPerWeek, type.MaxPerMonth, type.MaxMinutesPerDay, type.MaxMinutesPerWeek, type.MaxMinutesPerMonth));

    /// <summary>The earliest and latest start a booker gets now, for a specialist whose days run in <paramref name="zone"/>.</summary>
    public (Instant Earliest, Instant Latest) Bounds(Instant now, DateTimeZone zone)
    {
        var (opens, closes) = Window.Bounds(now, zone);
        return (Instant.Max(opens, now + MinimumNotice), closes);
    }
}
