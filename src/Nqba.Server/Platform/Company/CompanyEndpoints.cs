using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Company;

internal static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/company").WithTags("Company").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/units", async Task<Ok<List<BusinessUnitDto>>> (PlatformDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.BusinessUnits.AsNoTracking().OrderBy(u => u.Name)
                .Select(u => new BusinessUnitDto(u.Id, u.Code, u.Name, u.Description)).ToListAsync(ct)))
            .WithName("ListBusinessUnits");

        group.MapGet("/regions", async Task<Ok<List<RegionDto>>> (PlatformDbContext db, CancellationToken ct) =>
            TypedResults.Ok(await db.Regions.AsNoTracking().OrderBy(r => r.Code)
                .Select(r => new RegionDto(r.Id, r.Code, r.Name, r.TimeZone, r.OpensAt, r.ClosesAt, r.WorkingDays, r.ResidencyZone)).ToListAsync(ct)))
            .WithName("ListRegions");

        group.MapGet("/specialists", async Task<Ok<List<SpecialistDto>>> (PlatformDbContext db, CancellationToken ct) =>
            // Names and e-mails are encrypted: entities are materialized (which decrypts them), then sorted.
            TypedResults.Ok((await db.Specialists.AsNoTracking().ToListAsync(ct))
                .OrderBy(s => s.DisplayName, StringComparer.CurrentCulture)
                .Select(s => new SpecialistDto(s.Id, s.DisplayName, s.Email, s.BusinessUnitId, s.RegionId, s.Languages, s.Skills, s.Capacity, s.Seniority, s.Active)).ToList()))
            .WithName("ListSpecialists");

        return app;
    }

    internal sealed record BusinessUnitDto(Guid Id, string Code, string Name, string Description);

    internal sealed record RegionDto(Guid Id, string Code, string Name, string TimeZone, TimeOnly OpensAt, TimeOnly ClosesAt, string WorkingDays, string ResidencyZone);

    internal sealed record SpecialistDto(Guid Id, string DisplayName, string Email, Guid BusinessUnitId, Guid RegionId, string Languages, string Skills, int Capacity, int Seniority, bool Active);
}
