using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Platform.Calendar;

internal static class CalendarEndpoints
{
    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/company/calendars").WithTags("Company").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/", ListCalendars)
            .WithName("ListCalendars")
            .WithSummary("Every business calendar: time zone, working intervals per weekday, holidays and the regions that follow it.");

        group.MapGet("/{code}", GetCalendar)
            .WithName("GetCalendar")
            .WithSummary("One business calendar; the ETag header is its version, for If-Match on changes.");

        group.MapPost("/", CreateCalendar)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("CreateCalendar")
            .WithSummary("Creates a business calendar (code, name, IANA time zone, week: intervals of day 1–7, opens, closes; several a day leave breaks; closes 00:00 = until midnight).");

        group.MapPut("/{code}", UpdateCalendar)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("UpdateCalendar")
            .WithSummary("Replaces a calendar's name, time zone and week; with If-Match, only if it is still at that version (else 412). Open SLA clocks are recomputed on the new calendar.");

        group.MapDelete("/{code}", DeleteCalendar)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteCalendar")
            .WithSummary("Deletes a calendar no region follows (409 while one does).");

        group.MapPost("/{code}/holidays", AddCalendarHoliday)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("AddCalendarHoliday")
            .WithSummary("Adds a holiday: a date and name, yearly (same month and day every year) or once, active or kept inactive.");

        group.MapPatch("/{code}/holidays/{id:guid}", ChangeCalendarHoliday)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("ChangeCalendarHoliday")
            .WithSummary("Changes a holiday's date, name, yearly flag or whether it applies (active); omitted fields stay.");

        group.MapDelete("/{code}/holidays/{id:guid}", DeleteCalendarHoliday)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteCalendarHoliday");

        group.MapPost("/{code}/holidays/import", ImportCalendarHolidays)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("ImportCalendarHolidays")
            .WithSummary("Imports holidays from an iCalendar file (all-day events; yearly RRULEs expanded over fromYear–toYear, default this year and next). The file is the body (text/calendar) or a multipart upload; a bad file writes nothing.");

        return app;
    }

    private static async Task<Ok<List<CalendarDto>>> ListCalendars(BusinessCalendars calendars, CancellationToken ct) =>
        TypedResults.Ok(await calendars.ListAsync(ct));

    private static async Task<Results<Ok<CalendarDto>, ProblemHttpResult>> GetCalendar(string code, BusinessCalendars calendars, HttpResponse response, CancellationToken ct) =>
        (await calendars.GetAsync(code, ct)).ToTaggedOk(response, c => c.Version);

    private static async Task<Results<Ok<CalendarDto>, ProblemHttpResult>> CreateCalendar(CalendarRequest request, BusinessCalendars calendars, HttpResponse response, CancellationToken ct) =>
        (await calendars.CreateAsync(request, ct)).ToTaggedOk(response, c => c.Version);

    private static async Task<Results<Ok<CalendarDto>, ProblemHttpResult>> UpdateCalendar(
        string code, CalendarRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, BusinessCalendars calendars, HttpResponse response, CancellationToken ct) =>
        (await calendars.UpdateAsync(code, request, EntityTag.Expected(ifMatch), ct)).ToTaggedOk(response, c => c.Version);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteCalendar(
        string code, [FromHeader(Name = "If-Match")] string? ifMatch, BusinessCalendars calendars, CancellationToken ct) =>
        (await calendars.DeleteAsync(code, EntityTag.Expected(ifMatch), ct)) is { Succeeded: false } failed ? failed.Error.ToProblem() : TypedResults.NoContent();

    private static async Task<Results<Ok<CalendarHolidayDto>, ProblemHttpResult>> AddCalendarHoliday(string code, CalendarHolidayRequest request, BusinessCalendars calendars, CancellationToken ct) =>
        (await calendars.AddHolidayAsync(code, request, ct)).ToOk();

    private static async Task<Results<Ok<CalendarHolidayDto>, ProblemHttpResult>> ChangeCalendarHoliday(string code, Guid id, CalendarHolidayRequest request, BusinessCalendars calendars, CancellationToken ct) =>
        (await calendars.ChangeHolidayAsync(code, id, request, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteCalendarHoliday(string code, Guid id, BusinessCalendars calendars, CancellationToken ct) =>
        (await calendars.DeleteHolidayAsync(code, id, ct)) is { Succeeded: false } failed ? failed.Error.ToProblem() : TypedResults.NoContent();

    private static async Task<Results<Ok<CalendarHolidayImportResult>, ProblemHttpResult>> ImportCalendarHolidays(
        string code, int? fromYear, int? toYear, HttpRequest request, BusinessCalendars calendars, CancellationToken ct)
    {
        var text = await ReadCalendarFileAsync(request, ct);
        return text.Succeeded ? (await calendars.ImportHolidaysAsync(code, text.Value, fromYear, toYear, ct)).ToOk() : text.Error.ToProblem();
    }

    /// <summary>The calendar's text: the first file of a multipart upload, or the body itself.</summary>
    internal static async Task<Result<string>> ReadCalendarFileAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                if (form.Files.Count == 0)
                {
                    return Error.Validation("file", "Attach the .ics file to the form.");
                }

                using var fileReader = new StreamReader(form.Files[0].OpenReadStream(), Encoding.UTF8);
                return await fileReader.ReadToEndAsync(cancellationToken);
            }

            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return Error.Validation("file", "The upload could not be read: " + ex.Message);
        }
    }
}
