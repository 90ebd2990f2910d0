namespace Nqba.Server.Platform.Calendar.Pages;

/// <summary>A button on one holiday's row: "activate", "deactivate" or "delete".</summary>
internal sealed class HolidayActionForm
{
    public string? Id { get; set; }

    public string? Action { get; set; }
}
