using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Company;

/// <summary>A region's holidays: those of the business calendar the region follows (<c>/api/company/calendars</c> holds the rest).</summary>
internal static class HolidayEndpoints
{
    public static IEndpointRouteBuilder MapHolidayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/company/regions/{code}").WithTags("Company");

        group.MapGet("/holidays", ListRegionHolidays)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ListRegionHolidays")
            .WithSummary("The holidays (optionally of one year) of the calendar a region follows.");

        group.MapPost("/holidays/import", ImportRegionHolidays)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("ImportRegionHolidays")
            .WithSummary("Imports holidays into the calendar a region follows, from an iCalendar file (as ImportCalendarHolidays).");

        group.MapDelete("/holidays/{id:guid}", DeleteRegionHoliday)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteRegionHoliday");

        group.MapPut("/calendar", SetRegionCalendar)
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("SetRegionCalendar")
            .WithSummary("Points a region at a business calendar: its lead, booking and SLA clocks follow that calendar from now on.");

        return app;
    }

    private static async Task<Results<Ok<List<CalendarHolidayDto>>, ProblemHttpResult>> ListRegionHolidays(string code, int? year, BusinessCalendars calendars, CancellationToken ct) =>
        (await calendars.RegionHolidaysAsync(code, year, ct)).ToOk();

    private static async Task<Results<Ok<CalendarHolidayImportResult>, ProblemHttpResult>> ImportRegionHolidays(
        string code, int? fromYear, int? toYear, HttpRequest request, BusinessCalendars calendars, CancellationToken ct)
    {
        if (await calendars.RegionCalendarCodeAsync(code, ct) is not { } calendar)
        {
            return Error.NotFound("Region", code).ToProblem();
        }

        var text = await CalendarEndpoints.ReadCalendarFileAsync(request, ct);
        return text.Succeeded ? (await calendars.ImportHolidaysAsync(calendar, text.Value, fromYear, toYear, ct)).ToOk() : text.Error.ToProblem();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteRegionHoliday(string code, Guid id, BusinessCalendars calendars, CancellationToken ct)
    {
        if (await calendars.RegionCalendarCodeAsync(code, ct) is not { } calendar)
        {
            return Error.NotFound("Region", code).ToProblem();
        }

        return (await calendars.DeleteHolidayAsync(calendar, id, ct)) is { Succeeded: false } failed ? failed.Error.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<CalendarDto>, ProblemHttpResult>> SetRegionCalendar(string code, RegionCalendarRequest request, BusinessCalendars calendars, CancellationToken ct) =>
        (await calendars.SetRegionCalendarAsync(code, request, ct)).ToOk();
}
