using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Scheduling.Availability;

internal static class AvailabilityEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder app)
    {
        // The booking page is public: meeting types and free slots need no sign-in.
        var open = app.MapGroup("/api/scheduling").WithTags("Scheduling").AllowAnonymous();

        open.MapGet("/specialists/{specialistId:guid}/slots", GetSpecialistSlots)
            .WithName("GetSpecialistSlots")
            .WithSummary("Free start times of one specialist over whole days of the client's zone (from/to: yyyy-MM-dd; timeZone: IANA).");

        open.MapGet("/units/{unitCode}/slots", GetUnitSlots)
            .WithName("GetUnitSlots")
            .WithSummary("Free start times of any specialist of a unit, each with the specialists free then.");

        var staff = app.MapGroup("/api/scheduling").WithTags("Scheduling").RequireAuthorization(NqbaPolicies.Staff);

        staff.MapGet("/leads/{leadId:guid}/slots", GetLeadSlots)
            .WithName("GetLeadSlots")
            .WithSummary("Free start times of the specialist a lead was routed to; the meeting type defaults to the assessment's recommendation.");

        var specialist = app.MapGroup("/api/scheduling/specialists/{specialistId:guid}").WithTags("Scheduling availability").RequireAuthorization(NqbaPolicies.Staff);

        specialist.MapGet("/schedules", ListAvailabilitySchedules)
            .WithName("ListAvailabilitySchedules")
            .WithSummary("The specialist's availability schedules, the default first (an empty list: they follow their region's business calendar).");

        specialist.MapGet("/schedules/{id:guid}", GetAvailabilitySchedule)
            .WithName("GetAvailabilitySchedule")
            .WithSummary("One schedule; the ETag header is its version, for If-Match on changes.");

        specialist.MapPost("/schedules", CreateAvailabilitySchedule)
            .WithName("CreateAvailabilitySchedule")
            .WithSummary("Creates a named schedule in an IANA zone (week: ranges of day 1–7, opens, closes; several a day; closes at or before opens = past midnight). The first one, or one with isDefault, becomes the default.");

        specialist.MapPut("/schedules/{id:guid}", UpdateAvailabilitySchedule)
            .WithName("UpdateAvailabilitySchedule")
            .WithSummary("Replaces a schedule's name, zone and week (isDefault: true makes it the default); with If-Match, only at that version (else 412).");

        specialist.MapDelete("/schedules/{id:guid}", DeleteAvailabilitySchedule)
            .WithName("DeleteAvailabilitySchedule")
            .WithSummary("Deletes a schedule; the default only when it is the last (409 otherwise).");

        specialist.MapGet("/overrides", ListAvailabilityOverrides)
            .WithName("ListAvailabilityOverrides");

        specialist.MapPut("/overrides", SetAvailabilityOverride)
            .WithName("SetAvailabilityOverride")
            .WithSummary("Sets one date's ranges (ranges: several; or opens/closes; neither = unavailable), replacing the weekly hours that date.");

        specialist.MapDelete("/overrides/{date}", DeleteAvailabilityOverride)
            .WithName("DeleteAvailabilityOverride")
            .WithSummary("Removes a date override; the weekly hours apply again that date.");

        specialist.MapGet("/time-off", ListTimeOff)
            .WithName("ListTimeOff");

        specialist.MapPost("/time-off", AddTimeOff)
            .WithName("AddTimeOff")
            .WithSummary("Marks a specialist out of office for a span of time; no slots are offered in it.");

        specialist.MapDelete("/time-off/{id:guid}", DeleteTimeOff)
            .WithName("DeleteTimeOff");

        return app;
    }

    private static async Task<Results<Ok<SlotsResponse>, ProblemHttpResult>> GetSpecialistSlots(
        Guid specialistId, string? type, string? from, string? to, string? timeZone, AvailabilityService availability, CancellationToken ct)
    {
        var query = await availability.ParseQueryAsync(type, from, to, timeZone, ct);
        if (!query.Succeeded)
        {
            return query.Error.ToProblem();
        }

        var company = await availability.CompanyAsync(ct);
        var specialist = company.Specialists.Where(s => s.Id == specialistId).ToList();
        return specialist.Count == 0
            ? Error.NotFound("Specialist", specialistId).ToProblem()
            : TypedResults.Ok(await availability.SlotsAsync(company, specialist, query.Value, ct));
    }

    private static async Task<Results<Ok<SlotsResponse>, ProblemHttpResult>> GetUnitSlots(
        string unitCode, string? type, string? from, string? to, string? timeZone, AvailabilityService availability, CancellationToken ct)
    {
        var query = await availability.ParseQueryAsync(type, from, to, timeZone, ct);
        if (!query.Succeeded)
        {
            return query.Error.ToProblem();
        }

        var company = await availability.CompanyAsync(ct);
        return company.Unit(unitCode) is null
            ? Error.NotFound("Unit", unitCode).ToProblem()
            : TypedResults.Ok(await availability.SlotsAsync(company, [.. company.Specialists.Where(s => s.UnitCode == unitCode)], query.Value, ct));
    }

    private static async Task<Results<Ok<SlotsResponse>, ProblemHttpResult>> GetLeadSlots(
        Guid leadId, string? type, string? from, string? to, string? timeZone, AvailabilityService availability, SchedulingDbContext db, CancellationToken ct)
    {
        var lead = await db.RoutedLeads.AsNoTracking().FirstOrDefaultAsync(l => l.LeadId == leadId, ct);
        if (lead?.SpecialistId is not { } specialistId)
        {
            return Error.NotFound("Routed lead", leadId).ToProblem();
        }

        var query = await availability.ParseQueryAsync(string.IsNullOrWhiteSpace(type) ? lead.MeetingType : type, from, to, timeZone, ct);
        if (!query.Succeeded)
        {
            return query.Error.ToProblem();
        }

        var company = await availability.CompanyAsync(ct);
        return TypedResults.Ok(await availability.SlotsAsync(company, [.. company.Specialists.Where(s => s.Id == specialistId)], query.Value, ct));
    }

    private static async Task<Results<Ok<List<ScheduleDto>>, ProblemHttpResult>> ListAvailabilitySchedules(Guid specialistId, AvailabilitySchedules schedules, CancellationToken ct) =>
        (await schedules.ListAsync(specialistId, ct)).ToOk();

    private static async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> GetAvailabilitySchedule(Guid specialistId, Guid id, AvailabilitySchedules schedules, HttpResponse response, CancellationToken ct) =>
        (await schedules.GetAsync(specialistId, id, ct)).ToTaggedOk(response, c => c.Version);

    private static async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> CreateAvailabilitySchedule(Guid specialistId, ScheduleRequest request, AvailabilitySchedules schedules, HttpResponse response, CancellationToken ct) =>
        (await schedules.CreateAsync(specialistId, request, ct)).ToTaggedOk(response, c => c.Version);

    private static async Task<Results<Ok<ScheduleDto>, ProblemHttpResult>> UpdateAvailabilitySchedule(
        Guid specialistId, Guid id, ScheduleRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, AvailabilitySchedules schedules, HttpResponse response, CancellationToken ct) =>
        (await schedules.UpdateAsync(specialistId, id, request, EntityTag.Expected(ifMatch), ct)).ToTaggedOk(response, c => c.Version);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAvailabilitySchedule(
        Guid specialistId, Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, AvailabilitySchedules schedules, CancellationToken ct) =>
        (await schedules.DeleteAsync(specialistId, id, EntityTag.Expected(ifMatch), ct)) is { Succeeded: false } failed ? failed.Error.ToProblem() : TypedResults.NoContent();

    private static async Task<Results<Ok<List<OverrideDto>>, ProblemHttpResult>> ListAvailabilityOverrides(Guid specialistId, AvailabilitySchedules schedules, CancellationToken ct) =>
        (await schedules.ListOverridesAsync(specialistId, null, ct)).ToOk();

    private static async Task<Results<Ok<OverrideDto>, ProblemHttpResult>> SetAvailabilityOverride(Guid specialistId, OverrideRequest request, AvailabilitySchedules schedules, CancellationToken ct) =>
        (await schedules.SetOverrideAsync(specialistId, request, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAvailabilityOverride(Guid specialistId, string date, AvailabilitySchedules schedules, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Error.Validation("date", $"'{date}' is not a date (yyyy-MM-dd).").ToProblem();
        }

        return (await schedules.DeleteOverrideAsync(specialistId, day, ct)) is { Succeeded: false } failed ? failed.Error.ToProblem() : TypedResults.NoContent();
    }

    private static async Task<Ok<List<TimeOffDto>>> ListTimeOff(Guid specialistId, SchedulingDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.TimeOff.AsNoTracking().Where(t => t.SpecialistId == specialistId).OrderBy(t => t.Start).ToListAsync(ct))
            .ConvertAll(t => new TimeOffDto(t.Id, new DateTimeOffset(t.Start, TimeSpan.Zero), new DateTimeOffset(t.End, TimeSpan.Zero), t.Reason)));

    private static async Task<Results<Created<TimeOffDto>, ProblemHttpResult>> AddTimeOff(
        Guid specialistId, TimeOffRequest request, AvailabilitySchedules schedules, AvailabilityService availability, CancellationToken ct)
    {
        if (request.Start is not { } start || request.End is not { } end)
        {
            return Error.Validation(request.Start is null ? "start" : "end", "Start and end are required (ISO 8601 with offset).").ToProblem();
        }

        if (end <= start)
        {
            return Error.Validation("end", "The end must be after the start.").ToProblem();
        }

        if (!(await availability.CompanyAsync(ct)).Specialists.Any(s => s.Id == specialistId))
        {
            return Error.NotFound("Specialist", specialistId).ToProblem();
        }

        var entry = await schedules.AddTimeOffAsync(specialistId, start, end, request.Reason, ct);
        return TypedResults.Created($"/api/scheduling/specialists/{specialistId}/time-off", new TimeOffDto(entry.Id, start.ToUniversalTime(), end.ToUniversalTime(), entry.Reason));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTimeOff(Guid specialistId, Guid id, AvailabilitySchedules schedules, CancellationToken ct) =>
        await schedules.DeleteTimeOffAsync(specialistId, id, ct)
            ? TypedResults.NoContent()
            : Error.NotFound("Time off", id).ToProblem();
}
