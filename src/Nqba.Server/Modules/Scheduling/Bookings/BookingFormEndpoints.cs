using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// The public booking pages post here (anti-forgery checked) and are answered with redirects: to the confirmation
/// on success, back to the form naming the fields to fix, or back to the slots when the time was just taken.
/// </summary>
internal static class BookingFormEndpoints
{
    // The booking page shows times in the visitor's own zone: this adds it to the page's address when missing.
    // Served from here (not an inline script) so the content security policy can keep script-src 'self'.
    private const string VisitorZoneScript = """
        (function () {
          var url = new URL(window.location.href);
          var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
          if (!url.searchParams.get("tz") && zone) {
            url.searchParams.set("tz", zone);
            window.location.replace(url.toString());
          }
        })();
        """;

    public static IEndpointRouteBuilder MapBookingFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/book").WithTags("Booking forms").ExcludeFromDescription().AllowAnonymous().RequireRateLimiting(RateLimiting.PublicForms);

        app.MapGet("/book/visitor-zone.js", () => TypedResults.Text(VisitorZoneScript, "text/javascript"))
            .ExcludeFromDescription().AllowAnonymous().WithName("VisitorZoneScript");

        group.MapPost("/submit", async Task<RedirectHttpResult> ([FromForm] BookingForm form, BookingService bookings, CancellationToken ct) =>
        {
            var lang = form.Lang is "de" or "ja" ? form.Lang : "en";
            var unit = string.IsNullOrWhiteSpace(form.Unit) ? "nqba-core" : form.Unit.Trim();
            var tz = string.IsNullOrWhiteSpace(form.Tz) ? "UTC" : form.Tz.Trim();
            DateTimeOffset? start = DateTimeOffset.TryParse(form.Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
            var result = await bookings.BookAsync(
                new BookMeetingRequest(form.Type, start, form.Name, form.Email?.Trim(), UnitCode: unit, Notes: string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes, TimeZone: tz, Language: lang),
                BookingService.Client,
                ct);
            var slots = $"/book/{Uri.EscapeDataString(unit)}?type={Uri.EscapeDataString(form.Type ?? string.Empty)}&tz={Uri.EscapeDataString(tz)}&lang={lang}";
            if (result.Succeeded)
            {
                return TypedResults.LocalRedirect($"/book/manage/{Uri.EscapeDataString(result.Value.ManageToken!)}?lang={lang}");
            }

            if (result.Error.Status == StatusCodes.Status409Conflict)
            {
                return TypedResults.LocalRedirect(slots + "&error=taken");
            }

            var fields = string.Join(", ", result.Error.Fields?.Keys ?? []);
            return TypedResults.LocalRedirect(
                $"/book/{Uri.EscapeDataString(unit)}/confirm?type={Uri.EscapeDataString(form.Type ?? string.Empty)}&tz={Uri.EscapeDataString(tz)}&lang={lang}&start={Uri.EscapeDataString(form.Start ?? string.Empty)}&error={Uri.EscapeDataString(fields)}");
        }).WithName("SubmitBookingForm");

        group.MapPost("/manage/{token}/cancel", async Task<RedirectHttpResult> (string token, [FromForm] CancelForm form, BookingLinks links, BookingService bookings, CancellationToken ct) =>
        {
            var lang = form.Lang is "de" or "ja" ? form.Lang : "en";
            if (links.ReadManageToken(token) is { } id)
            {
                await bookings.CancelAsync(id, new CancelRequest(), BookingService.Client, ct);
            }

            return TypedResults.LocalRedirect($"/book/manage/{Uri.EscapeDataString(token)}?lang={lang}");
        }).WithName("SubmitCancelBookingForm");

        return app;
    }

    internal sealed class BookingForm
    {
        public string? Unit { get; set; }

        public string? Type { get; set; }

        public string? Start { get; set; }

        public string? Tz { get; set; }

        public string? Lang { get; set; }

        public string? Name { get; set; }

        public string? Email { get; set; }

        public string? Notes { get; set; }
    }

    internal sealed class CancelForm
    {
        public string? Lang { get; set; }
    }
}
