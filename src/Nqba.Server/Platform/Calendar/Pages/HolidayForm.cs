namespace Nqba.Server.Platform.Calendar.Pages;

/// <summary>A holiday to add on the calendar page.</summary>
internal sealed class HolidayForm
{
    public string? Date { get; set; }

    public string? Name { get; set; }

    public bool Yearly { get; set; }

    public bool Active { get; set; }
}
