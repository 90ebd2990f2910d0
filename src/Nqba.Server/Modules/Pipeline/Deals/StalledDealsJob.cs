using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// Flags the open deals that have been in their stage longer than <see cref="PipelineOptions.StallDays"/> and raises
/// <see cref="DealStalled"/> once for each (its owner is mailed from that event). A deal that moves is watched afresh.
/// Runs on <see cref="PipelineOptions.StallCheckCron"/> (daily by default); a missed run fires once when an instance starts.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class StalledDealsJob(PipelineDbContext db, IOptions<PipelineOptions> options, TimeProvider time) : INqbaJob
{
    /// <summary>Deals flagged per transaction.</summary>
    private const int BatchSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stallDays = options.Value.StallDays;
        var cutoff = now.AddDays(-stallDays);
        while (true)
        {
            var stalled = await db.Deals.IgnoreQueryFilters()
                .Where(d => d.Stage != DealStage.Won && d.Stage != DealStage.Lost && d.StalledNotifiedAt == null && d.StageEnteredAt < cutoff)
                .OrderBy(d => d.StageEnteredAt).Take(BatchSize).ToListAsync(cancellationToken);
            if (stalled.Count == 0)
            {
                return;
            }

            foreach (var deal in stalled)
            {
                deal.StalledNotifiedAt = now;
                db.Publish(new DealStalled(deal.Id, deal.OrganizationId, deal.OwnerId, deal.Title, DealStages.Id(deal.Stage), (int)(now - deal.StageEnteredAt).TotalDays, stallDays, now), now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A person moved one of them meantime: its stall clock restarted. Look again.
            }

            db.ChangeTracker.Clear();
        }
    }
}
