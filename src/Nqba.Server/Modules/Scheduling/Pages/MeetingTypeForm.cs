namespace Nqba.Server.Modules.Scheduling.Pages;

/// <summary>
/// The meeting types page's form, as the browser sends it: numbers as text (an empty box = the default, or no limit),
/// so a wrong entry is sent back naming its field instead of failing to bind.
/// </summary>
internal sealed class MeetingTypeForm
{
    /// <summary>The code of the type being edited; empty for a new one.</summary>
    public string? Editing { get; set; }

    public string? Version { get; set; }

    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? DurationMinutes { get; set; }

    public string? SlotStepMinutes { get; set; }

    public string? BeforeBufferMinutes { get; set; }

    public string? AfterBufferMinutes { get; set; }

    public string? StartOffsetMinutes { get; set; }

    public string? MinimumNoticeMinutes { get; set; }

    public string? WindowKind { get; set; }

    public string? BookingWindowDays { get; set; }

    public string? WindowStart { get; set; }

    public string? WindowEnd { get; set; }

    public string? MaxPerDay { get; set; }

    public string? MaxPerWeek { get; set; }

    public string? MaxPerMonth { get; set; }

    public string? MaxMinutesPerDay { get; set; }

    public string? MaxMinutesPerWeek { get; set; }

    public string? MaxMinutesPerMonth { get; set; }

    public bool RequiresConfirmation { get; set; }

    public bool PendingBlocks { get; set; }

    public string? ScheduleName { get; set; }

    public string? Assignment { get; set; }

    public bool Active { get; set; }

    public string? Lang { get; set; }
}
