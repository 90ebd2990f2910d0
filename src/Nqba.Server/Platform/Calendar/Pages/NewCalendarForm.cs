namespace Nqba.Server.Platform.Calendar.Pages;

/// <summary>The list page's form for a new calendar; it starts with the week Monday to Friday, 09:00 to 17:00.</summary>
internal sealed class NewCalendarForm
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? TimeZone { get; set; }
}
