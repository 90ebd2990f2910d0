using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Company;

internal static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/company").WithTags("Company").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/units", ListBusinessUnits)
            .WithName("ListBusinessUnits");

        group.MapGet("/regions", ListRegions)
            .WithName("ListRegions")
            .WithSummary("Regions with the calendar each follows (its code, time zone and working intervals per weekday).");

        group.MapGet("/specialists", ListSpecialists)
            .WithName("ListSpecialists");

        var specialist = group.MapGroup("/specialists/{id:guid}").RequireAuthorization(NqbaPolicies.Admin);

        specialist.MapPatch("/", ChangeSpecialist)
            .WithName("ChangeSpecialist")
            .WithSummary("Changes a specialist's capacity (open leads they can carry) or whether they take part; omitted fields stay.");

        specialist.MapPut("/absence", MarkSpecialistAbsent)
            .WithName("MarkSpecialistAbsent")
            .WithSummary("Marks a specialist away until an instant: routing gives them no new leads before it (re-route their open leads with the batch router).");

        specialist.MapDelete("/absence", EndSpecialistAbsence)
            .WithName("EndSpecialistAbsence")
            .WithSummary("Ends a specialist's absence now.");

        return app;
    }

    private static async Task<Ok<List<BusinessUnitDto>>> ListBusinessUnits(PlatformDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.BusinessUnits.AsNoTracking().OrderBy(u => u.Name)
            .Select(u => new BusinessUnitDto(u.Id, u.Code, u.Name, u.Description)).ToListAsync(ct));

    private static async Task<Ok<List<RegionDto>>> ListRegions(ICompanyDirectory company, CancellationToken ct) =>
        TypedResults.Ok((await company.GetAsync(ct)).Regions.Select(r => new RegionDto(r.Id, r.Code, r.Name, r.ResidencyZone, r.CalendarCode, r.Hours.TimeZone, [.. r.Hours.Week])).ToList());

    private static async Task<Ok<List<SpecialistDto>>> ListSpecialists(SpecialistRoster roster, CancellationToken ct) =>
        TypedResults.Ok(await roster.ListAsync(ct));

    private static async Task<Results<Ok<SpecialistDto>, ProblemHttpResult>> ChangeSpecialist(Guid id, SpecialistChangeRequest request, SpecialistRoster roster, CancellationToken ct) =>
        (await roster.ChangeAsync(id, request, ct)).ToOk();

    private static async Task<Results<Ok<SpecialistDto>, ProblemHttpResult>> MarkSpecialistAbsent(Guid id, SpecialistAbsenceRequest request, SpecialistRoster roster, CancellationToken ct) =>
        (await roster.MarkAbsentAsync(id, request, ct)).ToOk();

    private static async Task<Results<Ok<SpecialistDto>, ProblemHttpResult>> EndSpecialistAbsence(Guid id, SpecialistRoster roster, CancellationToken ct) =>
        (await roster.EndAbsenceAsync(id, ct)).ToOk();

    internal sealed record BusinessUnitDto(Guid Id, string Code, string Name, string Description);

    internal sealed record RegionDto(Guid Id, string Code, string Name, string ResidencyZone, string Calendar, string TimeZone, List<WeeklyHours> Week);
}
