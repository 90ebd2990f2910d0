using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Pipeline.Catalogue;

/// <summary>
/// The demo company's catalogue on a first start with demo data: two offerings per business unit, in US dollars, to be
/// edited or retired by an admin. An installation without demo data starts with an empty catalogue; a catalogue that
/// has any product is left alone.
/// </summary>
internal sealed class CatalogueSeeder(PipelineDbContext db, ICompanyDirectory company, TimeProvider time) : IDataSeeder
{
    private static readonly (string Code, string Name, string Unit, ProductBilling Billing, decimal Price)[] Demo =
    [
        ("flyfox-agents", "FLYFOX AI agent marketplace", "flyfox-ai", ProductBilling.Monthly, 2_500m),
        ("flyfox-implementation", "FLYFOX AI implementation", "flyfox-ai", ProductBilling.OneTime, 15_000m),
        ("sigma-intelligence", "Sigma Select sales intelligence", "sigma-select", ProductBilling.Monthly, 1_200m),
        ("sigma-lead-optimization", "Sigma Select lead optimization", "sigma-select", ProductBilling.Monthly, 800m),
        ("goliath-portfolio", "Goliath Trade portfolio management", "goliath-trade", ProductBilling.Monthly, 3_000m),
        ("goliath-paper-trading", "Goliath Trade paper trading", "goliath-trade", ProductBilling.Monthly, 500m),
        ("nqba-platform", "NQBA Core platform", "nqba-core", ProductBilling.Annual, 24_000m),
        ("nqba-onboarding", "NQBA Core onboarding package", "nqba-core", ProductBilling.OneTime, 5_000m),
    ];

    public int Order => 65;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        if (!includeDemoData || await db.Products.AnyAsync(cancellationToken))
        {
            return;
        }

        var units = (await company.GetAsync(cancellationToken)).Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (code, name, unit, billing, price) in Demo.Where(p => units.Contains(p.Unit)))
        {
            db.Products.Add(new Product { Id = Guid.CreateVersion7(), Code = code, Name = name, UnitCode = unit, Billing = billing, Price = price, Currency = "USD", CreatedAt = now });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
