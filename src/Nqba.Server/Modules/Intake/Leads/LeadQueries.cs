using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Modules.Intake.Routing;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>What the leads pages show, read for them (pages call this, never the DbContext); the caller's organization filter applies.</summary>
internal sealed class LeadQueries(IntakeDbContext db, TimeProvider time)
{
    /// <summary>The newest 500 leads matching the inbox filters; a filter left null (or unparsable) is not applied.</summary>
    public async Task<List<Lead>> InboxAsync(string? unit, LeadTier? tier, string? region, int? capturedWithinHours, ResponseState? sla, CancellationToken cancellationToken)
    {
        var query = db.Leads.AsNoTracking();
        if (!string.IsNullOrEmpty(unit))
        {
            query = query.Where(l => l.UnitCode == unit);
        }

        if (tier is { } wanted)
        {
            query = query.Where(l => l.Tier == wanted);
        }

        if (!string.IsNullOrEmpty(region))
        {
            query = query.Where(l => l.RegionCode == region);
        }

        if (capturedWithinHours is > 0)
        {
            var since = time.GetUtcNow().UtcDateTime.AddHours(-capturedWithinHours.Value);
            query = query.Where(l => l.CapturedAt >= since);
        }

        var leads = await query.OrderByDescending(l => l.CapturedAt).Take(500).ToListAsync(cancellationToken);
        return sla is { } state ? leads.FindAll(l => LeadDto.StateOf(l) == state) : leads;
    }

    public Task<Lead?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public Task<LeadAssessment?> AssessmentOfAsync(Guid leadId, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.LeadId == leadId, cancellationToken);

    /// <summary>The lead's routing decisions, newest first.</summary>
    public Task<List<RoutingDecision>> DecisionsOfAsync(Guid leadId, CancellationToken cancellationToken) =>
        db.RoutingDecisions.AsNoTracking().Where(d => d.LeadId == leadId).OrderByDescending(d => d.DecidedAt).ToListAsync(cancellationToken);
}
