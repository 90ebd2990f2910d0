using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>A meeting type's rules as the slot calculation uses them.</summary>
internal sealed record SlotRules(Duration Length, Duration Buffer, Duration Step, Duration MinimumNotice, int BookingWindowDays, int MaxPerDay)
{
    public static SlotRules From(MeetingTypes.MeetingType type) => new(
        Duration.FromMinutes(type.DurationMinutes),
        Duration.FromMinutes(type.BufferMinutes),
        Duration.FromMinutes(type.SlotStepMinutes),
        Duration.FromMinutes(type.MinimumNoticeMinutes),
        type.BookingWindowDays,
        type.MaxPerDay);
}
