namespace Nqba.Server.Platform.Calendar.Pages;

/// <summary>The calendar page's main form: name, zone and week, with the version it was read at.</summary>
internal sealed class CalendarForm
{
    public string? Name { get; set; }

    public string? TimeZone { get; set; }

    public string? Version { get; set; }

    /// <summary>"save", or "add-row" to show one more empty interval row without saving.</summary>
    public string? Action { get; set; }

    public List<IntervalRow> Week { get; set; } = [];
}
