using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>The default support team every ticket can fall back to (always), with a lead address (demo).</summary>
internal sealed class SupportSeeder(SupportDbContext db, TimeProvider time) : IDataSeeder
{
    public int Order => 60;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        if (await db.Teams.AnyAsync(cancellationToken))
        {
            return;
        }

        db.Teams.Add(new SupportTeam
        {
            Id = Guid.CreateVersion7(),
            Code = "support",
            Name = "Customer support",
            LeadEmail = includeDemoData ? "support-lead@nqba.local" : null,
            IsDefault = true,
            RotationStart = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
