namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>A kind of meeting clients can book: its length, buffer and booking rules.</summary>
internal sealed class MeetingType
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public int DurationMinutes { get; set; }

    public int BufferMinutes { get; set; }

    public int SlotStepMinutes { get; set; }

    public int MinimumNoticeMinutes { get; set; }

    public int BookingWindowDays { get; set; }

    public int MaxPerDay { get; set; }

    public bool Active { get; set; } = true;
}
