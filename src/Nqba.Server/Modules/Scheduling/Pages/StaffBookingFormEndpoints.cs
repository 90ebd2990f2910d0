using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Pages;

/// <summary>
/// The staff booking page's forms (anti-forgery checked): reschedule, cancel, confirm, decline, held, no-show through the same
/// <see cref="BookingService"/> methods as the API; each redirects back to the page, naming what went wrong.
/// </summary>
internal static class StaffBookingFormEndpoints
{
    private static readonly LocalDateTimePattern LocalStart = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static IEndpointRouteBuilder MapStaffBookingFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/scheduling/bookings/{id:guid}")
            .WithTags("Scheduling forms")
            .ExcludeFromDescription()
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .WithFormBinding();

        group.MapPost("/reschedule", SubmitStaffReschedule).WithName("SubmitStaffReschedule");

        group.MapPost("/cancel", SubmitStaffCancel).WithName("SubmitStaffCancel");

        group.MapPost("/confirm", SubmitStaffConfirm).WithName("SubmitStaffConfirm");

        group.MapPost("/decline", SubmitStaffDecline).WithName("SubmitStaffDecline");

        group.MapPost("/held", SubmitStaffMarkHeld)
            .WithName("SubmitStaffMarkHeld");

        group.MapPost("/no-show", SubmitStaffMarkNoShow)
            .WithName("SubmitStaffMarkNoShow");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitStaffReschedule(Guid id, [FromForm] StaffBookingForm form, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        var zone = Zone(form.Tz);
        if (Parse(form.Start) is not { } local)
        {
            return Back(id, form, "start");
        }

        // A time skipped by a DST change moves forward by the gap; a repeated one takes its first occurrence.
        var start = local.InZoneLeniently(zone).ToDateTimeOffset();
        var result = await bookings.RescheduleAsync(id, new RescheduleRequest(start), BookingEndpoints.Actor(user), ct);
        return Back(id, form, result.Succeeded ? null : result.Error.Status == StatusCodes.Status409Conflict ? "taken" : "start", "rescheduled");
    }

    private static async Task<RedirectHttpResult> SubmitStaffCancel(Guid id, [FromForm] StaffBookingForm form, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        var reason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim();
        var result = await bookings.CancelAsync(id, new CancelRequest(reason is { Length: > 1000 } ? reason[..1000] : reason), BookingEndpoints.Actor(user), ct);
        return Back(id, form, Code(result.Error), "cancelled");
    }

    private static async Task<RedirectHttpResult> SubmitStaffConfirm(Guid id, [FromForm] StaffBookingForm form, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await bookings.ConfirmAsync(id, BookingEndpoints.Actor(user), ct);
        return Back(id, form, result.Succeeded ? null : result.Error == BookingService.TimeTaken ? "taken" : "state", "confirmed");
    }

    private static async Task<RedirectHttpResult> SubmitStaffDecline(Guid id, [FromForm] StaffBookingForm form, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        var reason = string.IsNullOrWhiteSpace(form.Reason) ? null : form.Reason.Trim();
        var result = await bookings.DeclineAsync(id, new CancelRequest(reason is { Length: > 1000 } ? reason[..1000] : reason), BookingEndpoints.Actor(user), ct);
        return Back(id, form, Code(result.Error), "declined");
    }

    private static async Task<RedirectHttpResult> SubmitStaffMarkHeld(Guid id, [FromForm] StaffBookingForm form, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        Back(id, form, Code((await bookings.RecordAttendanceAsync(id, held: true, BookingEndpoints.Actor(user), ct)).Error), "held");

    private static async Task<RedirectHttpResult> SubmitStaffMarkNoShow(Guid id, [FromForm] StaffBookingForm form, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        Back(id, form, Code((await bookings.RecordAttendanceAsync(id, held: false, BookingEndpoints.Actor(user), ct)).Error), "no-show");

    /// <summary>The browser's datetime-local value: minutes, or seconds when the browser adds them.</summary>
    private static LocalDateTime? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var minutes = LocalStart.Parse(value.Trim());
        if (minutes.Success)
        {
            return minutes.Value;
        }

        var seconds = LocalDateTimePattern.GeneralIso.Parse(value.Trim());
        return seconds.Success ? seconds.Value : null;
    }

    private static DateTimeZone Zone(string? id) =>
        (string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim())) ?? DateTimeZone.Utc;

    private static string? Code(Error? error) => error is null ? null : "state";

    private static RedirectHttpResult Back(Guid id, StaffBookingForm form, string? error, string? done = null)
    {
        var query = $"?tz={Uri.EscapeDataString(Zone(form.Tz).Id)}";
        if (UiCultures.IsSupported(form.Lang))
        {
            query += "&lang=" + form.Lang;
        }

        query += error is null ? "&done=" + done : "&error=" + error;
        return TypedResults.LocalRedirect($"/scheduling/bookings/{id}{query}");
    }
}
