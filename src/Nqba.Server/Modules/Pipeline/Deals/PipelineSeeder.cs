using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// Gives every lead without a deal its deal, caught up with what the lead already did (assessed, routed): the demo
/// company's leads on a first start, and every existing lead when the pipeline arrives by upgrade. A lead that has its
/// deal is left alone, so a later start walks the leads and writes nothing.
/// </summary>
internal sealed class PipelineSeeder(PipelineDbContext db, IIntakeLeads leads, DealDesk desk) : IDataSeeder
{
    /// <summary>Leads read per round.</summary>
    private const int BatchSize = 500;

    public int Order => 70;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += BatchSize)
        {
            var batch = await leads.ListProgressAsync(skip, BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var ids = batch.Select(l => l.LeadId).ToList();
            var opened = (await db.Deals.IgnoreQueryFilters().AsNoTracking().Where(d => d.LeadId != null && ids.Contains(d.LeadId.Value)).Select(d => d.LeadId!.Value).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var lead in batch.Where(l => !opened.Contains(l.LeadId)))
            {
                db.ChangeTracker.Clear();
                await desk.OpenForLeadAsync(lead.LeadId, "system:upgrade", cancellationToken);
            }
        }
    }
}
