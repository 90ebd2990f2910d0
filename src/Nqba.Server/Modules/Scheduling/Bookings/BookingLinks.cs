using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// Signed, tamper-proof tokens (ASP.NET Data Protection, keys shared by every instance through the database): the
/// client's manage link (reschedule, cancel, .ics) and the short-lived hold token.
/// </summary>
internal sealed class BookingLinks(IDataProtectionProvider protection, PublicLinks links)
{
    private readonly IDataProtector _manage = protection.CreateProtector("Nqba.Scheduling.Manage.v1");
    private readonly IDataProtector _hold = protection.CreateProtector("Nqba.Scheduling.Hold.v1");
    private readonly IDataProtector _feed = protection.CreateProtector("Nqba.Scheduling.Feed.v1");

    public string ManageToken(Guid bookingId) => _manage.Protect(bookingId.ToString("N"));

    public Guid? ReadManageToken(string? token) => Read(_manage, token);

    public string HoldToken(Guid bookingId) => _hold.Protect(bookingId.ToString("N"));

    public Guid? ReadHoldToken(string? token) => Read(_hold, token);

    /// <summary>The secret token of a specialist's subscribable .ics feed of bookings.</summary>
    public string FeedToken(Guid specialistId) => _feed.Protect(specialistId.ToString("N"));

    public Guid? ReadFeedToken(string? token) => Read(_feed, token);

    public string FeedUrl(string token) => links.To($"/api/scheduling/feeds/{Uri.EscapeDataString(token)}/bookings.ics");

    /// <summary>The client's page to see, reschedule or cancel the meeting.</summary>
    public string ManagePage(string token, string language) => links.To($"/book/manage/{Uri.EscapeDataString(token)}?lang={language}");

    public string IcsUrl(string token) => links.To($"/api/scheduling/manage/{Uri.EscapeDataString(token)}/invite.ics");

    private static Guid? Read(IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(protector.Unprotect(token), "N", out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
