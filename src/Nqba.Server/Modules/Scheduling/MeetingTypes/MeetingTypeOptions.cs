using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>
/// One configured meeting type (<c>Scheduling:MeetingTypes</c>): written into the database when its code is not there
/// yet; from then on it is edited through the API or the meeting types page (the rest of its rules, such as weekly
/// limits or a fixed date range, only there).
/// </summary>
public sealed class MeetingTypeOptions
{
    [Required, RegularExpression("^[a-z0-9-]{2,40}$")]
    public string Code { get; set; } = string.Empty;

    [Required, MaxLength(200)]
    public string Name { get; set; } = string.Empty;

    /// <summary>Length in minutes (a multiple of 5).</summary>
    [Range(5, 480)]
    public int DurationMinutes { get; set; } = 30;

    /// <summary>Free time kept before the meeting; added to the after-buffer of a meeting before it.</summary>
    [Range(0, 240)]
    public int BeforeBufferMinutes { get; set; }

    /// <summary>Free time kept after the meeting.</summary>
    [Range(0, 240)]
    public int AfterBufferMinutes { get; set; } = 15;

    /// <summary>Distance between offered start times.</summary>
    [Range(5, 240)]
    public int SlotStepMinutes { get; set; } = 15;

    /// <summary>How far ahead of its start a meeting must be booked.</summary>
    [Range(0, 20160)]
    public int MinimumNoticeMinutes { get; set; } = 240;

    /// <summary>How many calendar days ahead the meeting can be booked (until the end of that day).</summary>
    [Range(1, 365)]
    public int BookingWindowDays { get; set; } = 60;

    /// <summary>At most this many meetings of this type per specialist and (their local) day.</summary>
    [Range(1, 50)]
    public int MaxPerDay { get; set; } = 6;
}
