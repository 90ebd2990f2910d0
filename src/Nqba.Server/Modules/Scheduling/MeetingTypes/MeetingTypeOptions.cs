using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>One configured meeting type (<c>Scheduling:MeetingTypes</c>).</summary>
public sealed class MeetingTypeOptions
{
    [Required, RegularExpression("^[a-z0-9-]{2,40}$")]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(200)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Length in minutes (a multiple of 5).</summary>
    [Range(5, 480)]
    public int DurationMinutes { get; set; } = 30;

    /// <summary>Free time kept before and after the meeting; between two meetings the larger buffer applies.</summary>
    [Range(0, 240)]
    public int BufferMinutes { get; set; } = 15;

    /// <summary>Distance between offered start times.</summary>
    [Range(5, 240)]
    public int SlotStepMinutes { get; set; } = 15;

    /// <summary>How far ahead of its start a meeting must be booked.</summary>
    [Range(0, 20160)]
    public int MinimumNoticeMinutes { get; set; } = 240;

    /// <summary>How many days ahead the meeting can be booked.</summary>
    [Range(1, 365)]
    public int BookingWindowDays { get; set; } = 60;

    /// <summary>At most this many meetings of any type per specialist and (their local) day when this type is booked.</summary>
    [Range(1, 50)]
    public int MaxPerDay { get; set; } = 6;
}
