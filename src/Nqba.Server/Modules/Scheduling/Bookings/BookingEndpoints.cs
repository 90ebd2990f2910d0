using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.Invites;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Bookings;

internal static class BookingEndpoints
{
    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/scheduling").WithTags("Scheduling bookings").AllowAnonymous();

        open.MapPost("/holds", HoldSlot)
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("HoldSlot")
            .WithSummary("Holds a free slot for a few minutes while the client fills in the booking form; 409 when it was just taken.");

        open.MapPost("/bookings", BookMeeting)
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("BookMeeting")
            .WithSummary("Books a slot (or converts a hold): one of two clients racing for the same time gets 409 Conflict.");

        open.MapGet("/manage/{token}", GetManagedBooking)
            .WithName("GetManagedBooking")
            .WithSummary("The client's view of their meeting through the signed link from the confirmation.");

        open.MapPost("/manage/{token}/reschedule", RescheduleManagedBooking)
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("RescheduleManagedBooking");

        open.MapPost("/manage/{token}/cancel", CancelManagedBooking)
            .RequireRateLimiting(RateLimiting.PublicForms)
            .WithName("CancelManagedBooking");

        open.MapGet("/manage/{token}/invite.ics", DownloadInvite)
            .WithName("DownloadInvite")
            .WithSummary("The meeting as an iCalendar file (METHOD:REQUEST, or CANCEL once cancelled).");

        var staff = app.MapGroup("/api/scheduling/bookings").WithTags("Scheduling bookings").RequireAuthorization(NqbaPolicies.Staff);

        staff.MapGet("/", ListBookings)
            .WithName("ListBookings")
            .WithSummary("The staff calendar: meetings of a specialist or a unit (or everyone) between two instants.");

        staff.MapGet("/{id:guid}", GetBooking)
            .WithName("GetBooking");

        staff.MapPost("/{id:guid}/reschedule", RescheduleBooking)
            .WithName("RescheduleBooking");

        staff.MapPost("/{id:guid}/cancel", CancelBooking)
            .WithName("CancelBooking");

        staff.MapPost("/{id:guid}/confirm", ConfirmBooking)
            .WithName("ConfirmBooking")
            .WithSummary("Confirms a booking waiting for confirmation (its type requires it); 409 when its time was taken meanwhile.");

        staff.MapPost("/{id:guid}/decline", DeclineBooking)
            .WithName("DeclineBooking")
            .WithSummary("Declines a booking waiting for confirmation, optionally saying why; the client is told.");

        staff.MapPost("/{id:guid}/held", MarkMeetingHeld)
            .WithName("MarkMeetingHeld");

        staff.MapPost("/{id:guid}/no-show", MarkNoShow)
            .WithName("MarkNoShow");

        return app;
    }

    private static async Task<Results<Created<HoldDto>, ProblemHttpResult>> HoldSlot(HoldRequest request, BookingService bookings, CancellationToken ct)
    {
        var result = await bookings.HoldAsync(request, ct);
        return result.Succeeded ? TypedResults.Created($"/api/scheduling/holds/{result.Value.Id}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Created<BookingDto>, ProblemHttpResult>> BookMeeting(BookMeetingRequest request, BookingService bookings, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await bookings.BookAsync(request, Actor(user), ct);
        return result.Succeeded ? TypedResults.Created($"/api/scheduling/manage/{Uri.EscapeDataString(result.Value.ManageToken!)}", result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetManagedBooking(string token, BookingLinks links, SchedulingDbContext db, BookingService bookings, AvailabilityService availability, CancellationToken ct)
    {
        var booking = links.ReadManageToken(token) is { } id ? await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) : null;
        return booking is null
            ? Error.NotFound("Booking link", "…").ToProblem()
            : TypedResults.Ok(BookingService.ToDto(booking, await availability.CompanyAsync(ct), token));
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> RescheduleManagedBooking(string token, RescheduleRequest request, BookingLinks links, BookingService bookings, CancellationToken ct)
    {
        if (links.ReadManageToken(token) is not { } id)
        {
            return Error.NotFound("Booking link", "…").ToProblem();
        }

        var result = await bookings.RescheduleAsync(id, request, BookingService.Client, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value with { ManageToken = token }) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> CancelManagedBooking(string token, CancelRequest request, BookingLinks links, BookingService bookings, CancellationToken ct)
    {
        if (links.ReadManageToken(token) is not { } id)
        {
            return Error.NotFound("Booking link", "…").ToProblem();
        }

        var result = await bookings.CancelAsync(id, request, BookingService.Client, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value with { ManageToken = token }) : result.Error.ToProblem();
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadInvite(string token, BookingLinks links, SchedulingDbContext db, InviteBuilder invites, CancellationToken ct)
    {
        var booking = links.ReadManageToken(token) is { } id ? await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) : null;
        if (booking is null)
        {
            return Error.NotFound("Booking link", "…").ToProblem();
        }

        var ics = await invites.BuildAsync(booking, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", "meeting.ics");
    }

    private static async Task<Results<Ok<List<BookingDto>>, ProblemHttpResult>> ListBookings(
        Guid? specialistId, string? unitCode, DateTimeOffset? from, DateTimeOffset? to, SchedulingDbContext db, BookingService bookings, AvailabilityService availability, CancellationToken ct)
    {
        var start = (from ?? availability.Now.ToDateTimeOffset().AddDays(-1)).UtcDateTime;
        var end = (to ?? availability.Now.ToDateTimeOffset().AddDays(31)).UtcDateTime;
        if (end <= start || end - start > TimeSpan.FromDays(93))
        {
            return Error.Validation("to", "'to' must be after 'from' and at most 93 days later.").ToProblem();
        }

        var company = await availability.CompanyAsync(ct);
        var ids = specialistId is { } id ? [id]
            : string.IsNullOrWhiteSpace(unitCode) ? null
            : company.Specialists.Where(s => s.UnitCode == unitCode).Select(s => s.Id).ToList();
        var query = db.Bookings.AsNoTracking().Where(b => b.Start < end && b.End > start && b.Status != BookingStatus.Held);
        if (ids is not null)
        {
            query = db.HostedBy(query, ids);
        }

        // Client names are encrypted: materialize (which decrypts), then map.
        var list = await query.OrderBy(b => b.Start).Take(2000).ToListAsync(ct);
        return TypedResults.Ok(list.ConvertAll(b => BookingService.ToDto(b, company, null)));
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> GetBooking(Guid id, SchedulingDbContext db, BookingService bookings, AvailabilityService availability, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return Error.NotFound("Booking", id).ToProblem();
        }

        var coHosts = await db.CoHostsOfAsync(id, ct);
        return TypedResults.Ok(BookingService.ToDto(booking, await availability.CompanyAsync(ct), null) with { CoHostIds = coHosts });
    }

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> RescheduleBooking(Guid id, RescheduleRequest request, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.RescheduleAsync(id, request, Actor(user), ct));

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> CancelBooking(Guid id, CancelRequest request, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.CancelAsync(id, request, Actor(user), ct));

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> ConfirmBooking(Guid id, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.ConfirmAsync(id, Actor(user), ct));

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> DeclineBooking(Guid id, CancelRequest? request, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.DeclineAsync(id, request ?? new CancelRequest(), Actor(user), ct));

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> MarkMeetingHeld(Guid id, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.RecordAttendanceAsync(id, held: true, Actor(user), ct));

    private static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> MarkNoShow(Guid id, BookingService bookings, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await bookings.RecordAttendanceAsync(id, held: false, Actor(user), ct));

    /// <summary>Who acted, without personal data: "client", or the staff user's id.</summary>
    internal static string Actor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? "staff:" + id : BookingService.Client;

    private static Results<Ok<BookingDto>, ProblemHttpResult> ToResult(Result<BookingDto> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
}
