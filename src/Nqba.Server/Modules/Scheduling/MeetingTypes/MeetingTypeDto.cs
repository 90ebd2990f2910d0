namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

internal sealed record MeetingTypeDto(string Code, string Name, int DurationMinutes, int BufferMinutes, int MinimumNoticeMinutes, int BookingWindowDays, int MaxPerDay)
{
    public static MeetingTypeDto From(MeetingType t) => new(t.Code, t.Name, t.DurationMinutes, t.BufferMinutes, t.MinimumNoticeMinutes, t.BookingWindowDays, t.MaxPerDay);
}
