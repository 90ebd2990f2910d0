namespace Nqba.Server.Platform.Calendar.Pages;

/// <summary>One row of the week on the calendar form: an ISO weekday and the local times as the browser sends them.</summary>
internal sealed class IntervalRow
{
    public string? Day { get; set; }

    public string? Opens { get; set; }

    public string? Closes { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
}
