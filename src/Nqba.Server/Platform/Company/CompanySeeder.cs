using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Platform.Company;

/// <summary>Seeds the reference company of DESIGN.md: four units, four regions with hours and holidays, 12 specialists.</summary>
internal sealed class CompanySeeder(PlatformDbContext db, FieldProtector protector) : IDataSeeder
{
    public int Order => 10;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        if (await db.BusinessUnits.AnyAsync(cancellationToken))
        {
            return;
        }

        db.BusinessUnits.AddRange(
            new BusinessUnit { Id = DemoCompany.FlyfoxAi, Code = "flyfox-ai", Name = "FLYFOX AI", Description = "Enterprise AI solutions and the agent marketplace", RoutingSignal = "wants AI agents or automation" },
            new BusinessUnit { Id = DemoCompany.SigmaSelect, Code = "sigma-select", Name = "Sigma Select", Description = "Sales intelligence and lead optimization", RoutingSignal = "wants more or better leads, a better sales process" },
            new BusinessUnit { Id = DemoCompany.GoliathTrade, Code = "goliath-trade", Name = "Goliath Trade", Description = "Quantum trading and portfolio management", RoutingSignal = "manages assets, trading or risk" },
            new BusinessUnit { Id = DemoCompany.NqbaCore, Code = "nqba-core", Name = "NQBA Core", Description = "The platform itself: entry point, orchestration, routing", RoutingSignal = "every prospect enters here" });

        var weekdays = "1,2,3,4,5";
        db.Regions.AddRange(
            new Region
            {
                Id = DemoCompany.UsEast,
                Code = "us-east",
                Name = "US Eastern",
                TimeZone = "America/New_York",
                OpensAt = new(9, 0),
                ClosesAt = new(18, 0),
                WorkingDays = weekdays,
                ResidencyZone = "US",
                Holidays = [Holiday(2026, 11, 26, "Thanksgiving Day"), Holiday(2026, 12, 25, "Christmas Day"), Holiday(2027, 1, 1, "New Year's Day")],
            },
            new Region
            {
                Id = DemoCompany.UsWest,
                Code = "us-west",
                Name = "US Pacific",
                TimeZone = "America/Los_Angeles",
                OpensAt = new(9, 0),
                ClosesAt = new(18, 0),
                WorkingDays = weekdays,
                ResidencyZone = "US",
                Holidays = [Holiday(2026, 11, 26, "Thanksgiving Day"), Holiday(2026, 12, 25, "Christmas Day"), Holiday(2027, 1, 1, "New Year's Day")],
            },
            new Region
            {
                Id = DemoCompany.Europe,
                Code = "europe",
                Name = "Europe",
                TimeZone = "Europe/Berlin",
                OpensAt = new(9, 0),
                ClosesAt = new(17, 0),
                WorkingDays = weekdays,
                ResidencyZone = "EU",
                Holidays = [Holiday(2026, 12, 24, "Christmas Eve"), Holiday(2026, 12, 25, "Christmas Day"), Holiday(2026, 12, 26, "St Stephen's Day"), Holiday(2027, 1, 1, "New Year's Day")],
            },
            new Region
            {
                Id = DemoCompany.Apac,
                Code = "apac",
                Name = "Asia-Pacific",
                TimeZone = "Asia/Tokyo",
                OpensAt = new(9, 0),
                ClosesAt = new(17, 0),
                WorkingDays = weekdays,
                ResidencyZone = "APAC",
                Holidays = [Holiday(2026, 11, 23, "Labour Thanksgiving Day"), Holiday(2027, 1, 1, "New Year's Day"), Holiday(2027, 1, 11, "Coming of Age Day")],
            });

        if (!includeDemoData)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        (string Name, Guid Unit, Guid Region, string Languages, string Skills, int Seniority)[] people =
        [
            ("Maya Chen", DemoCompany.FlyfoxAi, DemoCompany.UsWest, "en,zh", "ai-agents,automation,llm", 3),
            ("Jonas Weber", DemoCompany.FlyfoxAi, DemoCompany.Europe, "de,en", "ai-agents,data-platforms", 2),
            ("Aiko Tanaka", DemoCompany.FlyfoxAi, DemoCompany.Apac, "ja,en", "automation,integration", 2),
            ("Daniel Brooks", DemoCompany.FlyfoxAi, DemoCompany.UsEast, "en,es", "ai-agents,enterprise", 1),
            ("Sofia Rossi", DemoCompany.SigmaSelect, DemoCompany.Europe, "it,en,de", "lead-generation,crm", 3),
            ("Marcus Green", DemoCompany.SigmaSelect, DemoCompany.UsEast, "en", "sales-process,crm", 2),
            ("Priya Nair", DemoCompany.SigmaSelect, DemoCompany.UsWest, "en,hi", "lead-scoring,analytics", 1),
            ("Kenji Sato", DemoCompany.SigmaSelect, DemoCompany.Apac, "ja,en", "lead-generation,enterprise", 2),
            ("Elena Fischer", DemoCompany.GoliathTrade, DemoCompany.Europe, "de,en,fr", "portfolio,risk,compliance", 3),
            ("Robert King", DemoCompany.GoliathTrade, DemoCompany.UsEast, "en", "trading,risk", 3),
            ("Mei Lin", DemoCompany.GoliathTrade, DemoCompany.Apac, "zh,ja,en", "portfolio,quant", 2),
            ("Olivia Hart", DemoCompany.NqbaCore, DemoCompany.UsWest, "en", "onboarding,platform", 2),
        ];
        foreach (var p in people)
        {
            var email = p.Name.ToLowerInvariant().Replace(' ', '.') + "@nqba.example";
            db.Specialists.Add(new Specialist
            {
                Id = Guid.CreateVersion7(),
                DisplayName = p.Name,
                Email = email,
                EmailHash = await protector.SearchHashAsync(email, cancellationToken),
                BusinessUnitId = p.Unit,
                RegionId = p.Region,
                Languages = p.Languages,
                Skills = p.Skills,
                Capacity = 10 + (5 * p.Seniority),
                Seniority = p.Seniority,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static RegionHoliday Holiday(int year, int month, int day, string name) =>
        new() { Id = Guid.CreateVersion7(), Date = new DateOnly(year, month, day), Name = name };
}
