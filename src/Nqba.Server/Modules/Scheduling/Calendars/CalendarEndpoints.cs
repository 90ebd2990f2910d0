using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Scheduling.Calendars;

internal static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/scheduling/specialists/{specialistId:guid}").WithTags("Scheduling calendars").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/calendars", ListExternalCalendars)
            .WithName("ListExternalCalendars");

        group.MapPost("/calendars", AttachExternalCalendar)
            .WithName("AttachExternalCalendar")
            .WithSummary("Attaches an iCalendar busy-time feed (URL, refreshed periodically) or file; its events block slots.");

        group.MapDelete("/calendars/{calendarId:guid}", DetachExternalCalendar)
            .WithName("DetachExternalCalendar");

        group.MapGet("/feed-link", GetBookingFeedLink)
            .WithName("GetBookingFeedLink")
            .WithSummary("The secret address of the specialist's subscribable .ics feed of bookings.");

        app.MapGet("/api/scheduling/feeds/{token}/bookings.ics", GetBookingFeed)
            .AllowAnonymous()
            .WithTags("Scheduling calendars")
            .WithName("GetBookingFeed")
            .WithSummary("A specialist's bookings as a subscribable iCalendar feed (the token is the secret).");

        return app;
    }

    private static async Task<Ok<List<ExternalCalendarDto>>> ListExternalCalendars(Guid specialistId, SchedulingDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.ExternalCalendars.AsNoTracking().Where(c => c.SpecialistId == specialistId).OrderBy(c => c.Name).ToListAsync(ct)).ConvertAll(ExternalCalendarDto.From));

    private static async Task<Results<Created<ExternalCalendarDto>, ProblemHttpResult>> AttachExternalCalendar(
        Guid specialistId, ExternalCalendarRequest request, AvailabilitySchedules schedules, ICompanyDirectory directory, FeedFetcher fetcher, CancellationToken ct)
    {
        var hasUrl = !string.IsNullOrWhiteSpace(request.Url);
        if (hasUrl == !string.IsNullOrWhiteSpace(request.Ics))
        {
            return Error.Validation("url", "Give either the feed's url or the .ics file's text (ics), not both.").ToProblem();
        }

        if (hasUrl && (!Uri.TryCreate(request.Url!.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            return Error.Validation("url", "The feed address must be an absolute http or https URL.").ToProblem();
        }

        if (!hasUrl && BusyFeedReader.TryLoad(request.Ics, out var error) is null)
        {
            return Error.Validation("ics", error!).ToProblem();
        }

        if (!(await directory.GetAsync(ct)).Specialists.Any(s => s.Id == specialistId))
        {
            return Error.NotFound("Specialist", specialistId).ToProblem();
        }

        var calendar = new ExternalCalendar { Id = Guid.CreateVersion7(), SpecialistId = specialistId, Name = request.Name!.Trim(), Url = hasUrl ? request.Url!.Trim() : null, Content = hasUrl ? null : request.Ics };
        await fetcher.RefreshAsync(calendar, ct);
        await schedules.AttachCalendarAsync(calendar, ct);
        return TypedResults.Created($"/api/scheduling/specialists/{specialistId}/calendars/{calendar.Id}", ExternalCalendarDto.From(calendar));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DetachExternalCalendar(Guid specialistId, Guid calendarId, AvailabilitySchedules schedules, CancellationToken ct) =>
        await schedules.DetachCalendarAsync(specialistId, calendarId, ct)
            ? TypedResults.NoContent()
            : Error.NotFound("Calendar", calendarId).ToProblem();

    private static async Task<Results<Ok<FeedLinkDto>, ProblemHttpResult>> GetBookingFeedLink(Guid specialistId, BookingLinks links, ICompanyDirectory directory, CancellationToken ct) =>
        (await directory.GetAsync(ct)).Specialists.Any(s => s.Id == specialistId)
            ? TypedResults.Ok(new FeedLinkDto(links.FeedUrl(links.FeedToken(specialistId))))
            : Error.NotFound("Specialist", specialistId).ToProblem();

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetBookingFeed(string token, BookingLinks links, SchedulingDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (links.ReadFeedToken(token) is not { } specialistId)
        {
            return Error.NotFound("Feed", "…").ToProblem();
        }

        var since = time.GetUtcNow().UtcDateTime.AddDays(-30);
        var bookings = await db.HostedBy(db.Bookings.AsNoTracking(), [specialistId])
            .Where(b => b.End > since && b.Status != BookingStatus.Held)
            .OrderBy(b => b.Start).Take(2000).ToListAsync(ct);
        var calendar = new Calendar { ProductId = "-//NQBA//Scheduling feed//EN", Method = "PUBLISH" };
        foreach (var b in bookings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{b.Id:N}@nqba",
                Sequence = b.Sequence,
                Summary = $"{b.MeetingTypeCode}: {b.ClientName}",
                Location = b.VideoUrl,
                DtStart = new CalDateTime(DateTime.SpecifyKind(b.Start, DateTimeKind.Utc), CalDateTime.UtcTzId),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(b.End, DateTimeKind.Utc), CalDateTime.UtcTzId),
                Status = b.Status switch { BookingStatus.Cancelled => "CANCELLED", BookingStatus.Pending => "TENTATIVE", _ => "CONFIRMED" },
            });
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty), "text/calendar; charset=utf-8", "bookings.ics");
    }
}
