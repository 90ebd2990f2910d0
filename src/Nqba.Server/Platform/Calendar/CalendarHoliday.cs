namespace Nqba.Server.Platform.Calendar;

/// <summary>A day a calendar is closed: once, or every year on the same month and day; an inactive one is kept but not applied.</summary>
internal sealed class CalendarHoliday
{
    public Guid Id { get; set; }

    public Guid CalendarId { get; set; }

    /// <summary>The date; for a yearly holiday its first year, of which only month and day recur.</summary>
    public DateOnly Date { get; set; }

    public required string Name { get; set; }

    public bool Yearly { get; set; }

    /// <summary>Kept but not applied (stored negated so that a new column defaults to "active").</summary>
    public bool Inactive { get; set; }
}
