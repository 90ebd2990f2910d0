namespace Nqba.Server.Platform.Calendar.Pages;

/// <summary>The years to take from an uploaded iCalendar file (the file itself is the form's upload).</summary>
internal sealed class ImportForm
{
    public string? FromYear { get; set; }

    public string? ToYear { get; set; }
}
