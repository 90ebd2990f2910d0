using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Platform.Company;

/// <summary>Seeds the reference company of DESIGN.md: four units, four regions, each with its business calendar (hours, holidays), 12 specialists.</summary>
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

        // Each region follows a calendar of its own code (same id), editable under /company/calendars.
        db.Calendars.AddRange(
            Calendar(DemoCompany.UsEast, "us-east", "US Eastern", "America/New_York", new(9, 0), new(18, 0), [Holiday(2026, 11, 26, "Thanksgiving Day"), Yearly(2026, 12, 25, "Christmas Day"), Yearly(2027, 1, 1, "New Year's Day")]),
            Calendar(DemoCompany.UsWest, "us-west", "US Pacific", "America/Los_Angeles", new(9, 0), new(18, 0), [Holiday(2026, 11, 26, "Thanksgiving Day"), Yearly(2026, 12, 25, "Christmas Day"), Yearly(2027, 1, 1, "New Year's Day")]),
            Calendar(DemoCompany.Europe, "europe", "Europe", "Europe/Berlin", new(9, 0), new(17, 0), [Yearly(2026, 12, 24, "Christmas Eve"), Yearly(2026, 12, 25, "Christmas Day"), Yearly(2026, 12, 26, "St Stephen's Day"), Yearly(2027, 1, 1, "New Year's Day")]),
            Calendar(DemoCompany.Apac, "apac", "Asia-Pacific", "Asia/Tokyo", new(9, 0), new(17, 0), [Holiday(2026, 11, 23, "Labour Thanksgiving Day"), Yearly(2027, 1, 1, "New Year's Day"), Holiday(2027, 1, 11, "Coming of Age Day")]));
        db.Regions.AddRange(
            new Region { Id = DemoCompany.UsEast, Code = "us-east", Name = "US Eastern", CalendarId = DemoCompany.UsEast, ResidencyZone = "US" },
            new Region { Id = DemoCompany.UsWest, Code = "us-west", Name = "US Pacific", CalendarId = DemoCompany.UsWest, ResidencyZone = "US" },
            new Region { Id = DemoCompany.Europe, Code = "europe", Name = "Europe", CalendarId = DemoCompany.Europe, ResidencyZone = "EU" },
            new Region { Id = DemoCompany.Apac, Code = "apac", Name = "Asia-Pacific", CalendarId = DemoCompany.Apac, ResidencyZone = "APAC" });

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

    /// <summary>Monday to Friday, one interval a day.</summary>
    private static WorkingCalendar Calendar(Guid id, string code, string name, string timeZone, TimeOnly opens, TimeOnly closes, List<CalendarHoliday> holidays) => new()
    {
        Id = id,
        Code = code,
        Name = name,
        TimeZone = timeZone,
        Intervals = [.. Enumerable.Range(1, 5).Select(day => new WorkingCalendarInterval { CalendarId = id, Day = day, Opens = opens, Closes = closes })],
        Holidays = holidays,
    };

    private static CalendarHoliday Holiday(int year, int month, int day, string name) =>
        new() { Id = Guid.CreateVersion7(), Date = new DateOnly(year, month, day), Name = name };

    /// <summary>The same month and day every year from <paramref name="year"/> on.</summary>
    private static CalendarHoliday Yearly(int year, int month, int day, string name) =>
        new() { Id = Guid.CreateVersion7(), Date = new DateOnly(year, month, day), Name = name, Yearly = true };
}
