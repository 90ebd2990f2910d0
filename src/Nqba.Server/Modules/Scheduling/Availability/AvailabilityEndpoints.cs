using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Scheduling.MeetingTypes;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Scheduling.Availability;

internal static class AvailabilityEndpoints
{
    public static IEndpointRouteBuilder MapAvailabilityEndpoints(this IEndpointRouteBuilder app)
    {
        // The booking page is public: meeting types and free slots need no sign-in.
        var open = app.MapGroup("/api/scheduling").WithTags("Scheduling").AllowAnonymous();

        open.MapGet("/meeting-types", async Task<Ok<List<MeetingTypeDto>>> (SchedulingDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.MeetingTypes.AsNoTracking().Where(t => t.Active).OrderBy(t => t.DurationMinutes).ToListAsync(ct)).ConvertAll(MeetingTypeDto.From)))
            .WithName("ListMeetingTypes");

        open.MapGet("/specialists/{specialistId:guid}/slots", async Task<Results<Ok<SlotsResponse>, ProblemHttpResult>> (
                Guid specialistId, string? type, string? from, string? to, string? timeZone, AvailabilityService availability, CancellationToken ct) =>
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
            })
            .WithName("GetSpecialistSlots")
            .WithSummary("Free start times of one specialist over whole days of the client's zone (from/to: yyyy-MM-dd; timeZone: IANA).");

        open.MapGet("/units/{unitCode}/slots", async Task<Results<Ok<SlotsResponse>, ProblemHttpResult>> (
                string unitCode, string? type, string? from, string? to, string? timeZone, AvailabilityService availability, CancellationToken ct) =>
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
            })
            .WithName("GetUnitSlots")
            .WithSummary("Free start times of any specialist of a unit, each with the specialists free then.");

        var staff = app.MapGroup("/api/scheduling").WithTags("Scheduling").RequireAuthorization(NqbaPolicies.Staff);

        staff.MapGet("/leads/{leadId:guid}/slots", async Task<Results<Ok<SlotsResponse>, ProblemHttpResult>> (
                Guid leadId, string? type, string? from, string? to, string? timeZone, AvailabilityService availability, SchedulingDbContext db, CancellationToken ct) =>
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
            })
            .WithName("GetLeadSlots")
            .WithSummary("Free start times of the specialist a lead was routed to; the meeting type defaults to the assessment's recommendation.");

        var specialist = app.MapGroup("/api/scheduling/specialists/{specialistId:guid}").WithTags("Scheduling availability").RequireAuthorization(NqbaPolicies.Staff);

        specialist.MapGet("/overrides", async Task<Ok<List<OverrideDto>>> (Guid specialistId, SchedulingDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Overrides.AsNoTracking().Where(o => o.SpecialistId == specialistId).OrderBy(o => o.Date)
                    .Select(o => new OverrideDto(o.Id, o.Date, o.Opens, o.Closes, o.Note)).ToListAsync(ct)))
            .WithName("ListAvailabilityOverrides");

        specialist.MapPut("/overrides", async Task<Results<Ok<OverrideDto>, ProblemHttpResult>> (
                Guid specialistId, OverrideRequest request, SchedulingDbContext db, AvailabilityService availability, IAuditLedger audit, CancellationToken ct) =>
            {
                if (request.Date is not { } date)
                {
                    return Error.Validation("date", "The date is required (yyyy-MM-dd).").ToProblem();
                }

                if ((request.Opens is null) != (request.Closes is null))
                {
                    return Error.Validation(request.Opens is null ? "opens" : "closes", "Give both opening and closing time, or neither for a day off.").ToProblem();
                }

                if (!(await availability.CompanyAsync(ct)).Specialists.Any(s => s.Id == specialistId))
                {
                    return Error.NotFound("Specialist", specialistId).ToProblem();
                }

                var entry = await db.Overrides.FirstOrDefaultAsync(o => o.SpecialistId == specialistId && o.Date == date, ct);
                if (entry is null)
                {
                    entry = new AvailabilityOverride { Id = Guid.CreateVersion7(), SpecialistId = specialistId, Date = date };
                    db.Overrides.Add(entry);
                }

                entry.Opens = request.Opens;
                entry.Closes = request.Closes;
                entry.Note = request.Note;
                audit.Stage(db, new AuditRecord("scheduling.override.set", "specialist", specialistId.ToString(), null, new { date, request.Opens, request.Closes }, null));
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new OverrideDto(entry.Id, entry.Date, entry.Opens, entry.Closes, entry.Note));
            })
            .WithName("SetAvailabilityOverride")
            .WithSummary("Sets one date's hours (or a day off) for a specialist, replacing their region's weekly hours that day.");

        specialist.MapGet("/time-off", async Task<Ok<List<TimeOffDto>>> (Guid specialistId, SchedulingDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.TimeOff.AsNoTracking().Where(t => t.SpecialistId == specialistId).OrderBy(t => t.Start).ToListAsync(ct))
                    .ConvertAll(t => new TimeOffDto(t.Id, new DateTimeOffset(t.Start, TimeSpan.Zero), new DateTimeOffset(t.End, TimeSpan.Zero), t.Reason))))
            .WithName("ListTimeOff");

        specialist.MapPost("/time-off", async Task<Results<Created<TimeOffDto>, ProblemHttpResult>> (
                Guid specialistId, TimeOffRequest request, SchedulingDbContext db, AvailabilityService availability, IAuditLedger audit, CancellationToken ct) =>
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

                var entry = new TimeOff { Id = Guid.CreateVersion7(), SpecialistId = specialistId, Start = start.UtcDateTime, End = end.UtcDateTime, Reason = request.Reason };
                db.TimeOff.Add(entry);
                audit.Stage(db, new AuditRecord("scheduling.time-off.added", "specialist", specialistId.ToString(), null, new { entry.Start, entry.End }, null));
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/scheduling/specialists/{specialistId}/time-off", new TimeOffDto(entry.Id, start.ToUniversalTime(), end.ToUniversalTime(), entry.Reason));
            })
            .WithName("AddTimeOff")
            .WithSummary("Marks a specialist out of office for a span of time; no slots are offered in it.");

        specialist.MapDelete("/time-off/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid specialistId, Guid id, SchedulingDbContext db, CancellationToken ct) =>
                await db.TimeOff.Where(t => t.Id == id && t.SpecialistId == specialistId).ExecuteDeleteAsync(ct) == 0
                    ? Error.NotFound("Time off", id).ToProblem()
                    : TypedResults.NoContent())
            .WithName("DeleteTimeOff");

        return app;
    }
}
