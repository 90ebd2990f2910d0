using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Bookings;

/// <summary>
/// The public booking pages post here (anti-forgery checked) and are answered with redirects: to the confirmation
/// on success, back to the form naming the fields to fix, or back to the slots when the time was just taken.
/// </summary>
internal static class BookingFormEndpoints
{
    public static IEndpointRouteBuilder MapBookingFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/book").WithTags("Booking forms").ExcludeFromDescription().AllowAnonymous().RequireRateLimiting(RateLimiting.PublicForms).WithFormBinding();

        group.MapPost("/submit", SubmitBookingForm).WithName("SubmitBookingForm");

        group.MapPost("/manage/{token}/cancel", SubmitCancelBookingForm).WithName("SubmitCancelBookingForm");

        group.MapPost("/manage/{token}/reschedule", SubmitRescheduleBookingForm).WithName("SubmitRescheduleBookingForm");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitBookingForm([FromForm] BookingForm form, BookingService bookings, IIntakeLeads leads, SchedulingDbContext db, CancellationToken ct)
    {
        // The assessment link names the lead: the booking is linked to it once it is routed (its specialist is then the host).
        Guid? leadId = null;
        if (!string.IsNullOrWhiteSpace(form.Lead) && await leads.FindByAssessmentLinkAsync(form.Lead, ct) is { } found
            && await db.RoutedLeads.AsNoTracking().AnyAsync(l => l.LeadId == found.LeadId && l.SpecialistId != null, ct))
        {
            leadId = found.LeadId;
        }

        var lang = UiCultures.Normalize(form.Lang);
        var unit = string.IsNullOrWhiteSpace(form.Unit) ? "nqba-core" : form.Unit.Trim();
        var tz = string.IsNullOrWhiteSpace(form.Tz) ? "UTC" : form.Tz.Trim();
        DateTimeOffset? start = DateTimeOffset.TryParse(form.Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
        var result = await bookings.BookAsync(
            new BookMeetingRequest(form.Type, start, form.Name, form.Email?.Trim(), UnitCode: leadId is null ? unit : null, LeadId: leadId, Notes: string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes, TimeZone: tz, Language: lang),
            BookingService.Client,
            ct);
        var leadQuery = string.IsNullOrWhiteSpace(form.Lead) ? string.Empty : "&lead=" + Uri.EscapeDataString(form.Lead);
        var slots = $"/book/{Uri.EscapeDataString(unit)}?type={Uri.EscapeDataString(form.Type ?? string.Empty)}&tz={Uri.EscapeDataString(tz)}&lang={lang}{leadQuery}";
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
            $"/book/{Uri.EscapeDataString(unit)}/confirm?type={Uri.EscapeDataString(form.Type ?? string.Empty)}&tz={Uri.EscapeDataString(tz)}&lang={lang}&start={Uri.EscapeDataString(form.Start ?? string.Empty)}{leadQuery}&error={Uri.EscapeDataString(fields)}");
    }

    private static async Task<RedirectHttpResult> SubmitCancelBookingForm(string token, [FromForm] CancelForm form, BookingLinks links, BookingService bookings, CancellationToken ct)
    {
        var lang = UiCultures.Normalize(form.Lang);
        if (links.ReadManageToken(token) is { } id)
        {
            await bookings.CancelAsync(id, new CancelRequest(), BookingService.Client, ct);
        }

        return TypedResults.LocalRedirect($"/book/manage/{Uri.EscapeDataString(token)}?lang={lang}");
    }

    private static async Task<RedirectHttpResult> SubmitRescheduleBookingForm(string token, [FromForm] RescheduleForm form, BookingLinks links, BookingService bookings, SchedulingDbContext db, CancellationToken ct)
    {
        var manage = $"/book/manage/{Uri.EscapeDataString(token)}";
        if (links.ReadManageToken(token) is not { } id || await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } booking)
        {
            return TypedResults.LocalRedirect(manage);
        }

        DateTimeOffset? start = DateTimeOffset.TryParse(form.Start, CultureInfo.InvariantCulture, DateTimeStyles.None, out var s) ? s : null;
        var result = await bookings.RescheduleAsync(id, new RescheduleRequest(start), BookingService.Client, ct);
        if (result.Succeeded)
        {
            return TypedResults.LocalRedirect(manage + "?done=rescheduled");
        }

        var tz = string.IsNullOrWhiteSpace(form.Tz) ? booking.ClientTimeZone : form.Tz.Trim();
        return TypedResults.LocalRedirect(
            $"/book?type={Uri.EscapeDataString(booking.MeetingTypeCode)}&tz={Uri.EscapeDataString(tz)}&reschedule={Uri.EscapeDataString(token)}&error=taken");
    }

    internal sealed class RescheduleForm
    {
        public string? Start { get; set; }

        public string? Tz { get; set; }
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

        /// <summary>The prospect's assessment link, when the booking continues their assessment.</summary>
        public string? Lead { get; set; }
    }

    internal sealed class CancelForm
    {
        public string? Lang { get; set; }
    }
}
