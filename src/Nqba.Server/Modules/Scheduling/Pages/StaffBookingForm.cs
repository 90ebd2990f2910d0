namespace Nqba.Server.Modules.Scheduling.Pages;

/// <summary>The fields the booking page's staff forms post (all optional here; the booking service validates).</summary>
internal sealed class StaffBookingForm
{
    /// <summary>The new local start ("yyyy-MM-ddTHH:mm") in <see cref="Tz"/>.</summary>
    public string? Start { get; set; }

    /// <summary>The zone the page showed times in: new times are read in it, and the page comes back in it.</summary>
    public string? Tz { get; set; }

    public string? Lang { get; set; }

    public string? Reason { get; set; }
}
