using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Company;

internal static class HolidayEndpoints
{
    private const int MaxYears = 10;

    public static IEndpointRouteBuilder MapHolidayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/company/regions/{code}/holidays").WithTags("Company");

        group.MapGet("/", async Task<Results<Ok<List<HolidayDto>>, ProblemHttpResult>> (string code, int? year, PlatformDbContext db, CancellationToken ct) =>
            {
                var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
                if (region is null)
                {
                    return Error.NotFound("Region", code).ToProblem();
                }

                var query = db.Holidays.AsNoTracking().Where(h => h.RegionId == region.Id);
                if (year is { } y && y is >= 1 and <= 9999)
                {
                    query = query.Where(h => h.Date >= new DateOnly(y, 1, 1) && h.Date <= new DateOnly(y, 12, 31));
                }

                return TypedResults.Ok((await query.OrderBy(h => h.Date).ToListAsync(ct)).ConvertAll(HolidayDto.From));
            })
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ListRegionHolidays")
            .WithSummary("A region's holidays (optionally of one year): days its business calendar is closed.");

        group.MapPost("/import", async Task<Results<Ok<HolidayImportResult>, ProblemHttpResult>> (
                string code, int? fromYear, int? toYear, HttpRequest request, PlatformDbContext db, IAuditLedger audit, TimeProvider time, CancellationToken ct) =>
            {
                var thisYear = time.GetUtcNow().Year;
                var first = fromYear ?? thisYear;
                var last = toYear ?? first + 1;
                if (first is < 1900 or > 2200 || last < first || last - first >= MaxYears)
                {
                    return Error.Validation("toYear", string.Create(CultureInfo.InvariantCulture, $"Import between 1 and {MaxYears} whole years (fromYear ≤ toYear, 1900–2200).")).ToProblem();
                }

                var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == code, ct);
                if (region is null)
                {
                    return Error.NotFound("Region", code).ToProblem();
                }

                var text = await ReadCalendarAsync(request, ct);
                if (!text.Succeeded)
                {
                    return text.Error.ToProblem();
                }

                var read = HolidayCalendarReader.Read(text.Value, first, last);
                if (!read.Succeeded)
                {
                    return read.Error.ToProblem();
                }

                var dates = read.Value.ConvertAll(h => h.Date);
                var existing = await db.Holidays.Where(h => h.RegionId == region.Id && dates.Contains(h.Date)).ToDictionaryAsync(h => h.Date, ct);
                int added = 0, updated = 0;
                foreach (var (date, name) in read.Value)
                {
                    if (!existing.TryGetValue(date, out var holiday))
                    {
                        db.Holidays.Add(new RegionHoliday { Id = Guid.CreateVersion7(), RegionId = region.Id, Date = date, Name = name });
                        added++;
                    }
                    else if (holiday.Name != name)
                    {
                        holiday.Name = name;
                        updated++;
                    }
                }

                audit.Stage(db, new AuditRecord("platform.region.holidays-imported", "region", region.Code, null, new { fromYear = first, toYear = last, added, updated, dates }));
                await db.SaveChangesAsync(ct);
                var all = await db.Holidays.AsNoTracking()
                    .Where(h => h.RegionId == region.Id && h.Date >= new DateOnly(first, 1, 1) && h.Date <= new DateOnly(last, 12, 31))
                    .OrderBy(h => h.Date).ToListAsync(ct);
                return TypedResults.Ok(new HolidayImportResult(region.Code, first, last, added, updated, read.Value.Count - added - updated, all.ConvertAll(HolidayDto.From)));
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("ImportRegionHolidays")
            .WithSummary("Imports a region's holidays from an iCalendar file (all-day events; yearly RRULEs expanded over fromYear–toYear, default this year and next). The file is the body (text/calendar) or a multipart upload; a bad file writes nothing.");

        group.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (string code, Guid id, PlatformDbContext db, IAuditLedger audit, CancellationToken ct) =>
            {
                var holiday = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id && db.Regions.Any(r => r.Id == h.RegionId && r.Code == code), ct);
                if (holiday is null)
                {
                    return Error.NotFound("Holiday", id).ToProblem();
                }

                db.Holidays.Remove(holiday);
                audit.Stage(db, new AuditRecord("platform.region.holiday-deleted", "region", code, new { holiday.Id, holiday.Date, holiday.Name }, null));
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(NqbaPolicies.Admin)
            .WithName("DeleteRegionHoliday");

        return app;
    }

    /// <summary>The calendar's text: the first file of a multipart upload, or the body itself.</summary>
    private static async Task<Result<string>> ReadCalendarAsync(HttpRequest request, CancellationToken cancellationToken)
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
