using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Persistence;

namespace Nqba.Server.Modules.Pipeline.Deals;

/// <inheritdoc/>
internal sealed class LeadDeals(PipelineDbContext db) : ILeadDeals
{
    public async Task<LeadDeal?> ForLeadAsync(Guid leadId, CancellationToken cancellationToken) =>
        await db.Deals.AsNoTracking().Where(d => d.LeadId == leadId)
            .Select(d => new { d.Id, d.Stage, d.StageEnteredAt, d.Value, d.Currency }).FirstOrDefaultAsync(cancellationToken) is { } d
            ? new LeadDeal(d.Id, DealStages.Id(d.Stage), d.StageEnteredAt, d.Value, d.Currency)
            : null;
}
