namespace Nqba.Server.Platform.Calendar;

/// <summary>One working interval of a calendar's week, in its local time.</summary>
internal sealed class WorkingCalendarInterval
{
    public Guid CalendarId { get; set; }

    /// <summary>ISO day number, 1 = Monday … 7 = Sunday.</summary>
    public int Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
