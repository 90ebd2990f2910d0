using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Intake.Leads;

/// <summary>What the leads pages show, read for them (pages call this, never the DbContext); the caller's organization filter applies.</summary>
internal sealed class LeadQueries(IntakeDbContext db, FieldProtector protector, TimeProvider time)
{
    /// <summary>
    /// One page of the leads matching <paramref name="search"/>, filtered, counted and ordered in the database (the
    /// response state too), so a page costs the same with 100 leads or 100,000.
    /// </summary>
    public async Task<LeadPageResult> SearchAsync(LeadSearch search, CancellationToken cancellationToken)
    {
        var query = db.Leads.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim();
            if (text.Contains('@', StringComparison.Ordinal))
            {
                var hash = await protector.SearchHashAsync(text, cancellationToken);
                query = query.Where(l => l.ContactEmailHash == hash);
            }
            else
            {
                var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
                query = query.Where(l => EF.Functions.Like(l.CompanyName!.ToLower(), pattern, "\\") || EF.Functions.Like(l.SpecialistName!.ToLower(), pattern, "\\"));
            }
        }

        if (!string.IsNullOrEmpty(search.Unit))
        {
            query = query.Where(l => l.UnitCode == search.Unit);
        }

        if (search.Tier is { } tier)
        {
            query = query.Where(l => l.Tier == tier);
        }

        if (!string.IsNullOrEmpty(search.Region))
        {
            query = query.Where(l => l.RegionCode == search.Region);
        }

        if (search.CapturedWithinHours is > 0)
        {
            var since = time.GetUtcNow().UtcDateTime.AddHours(-search.CapturedWithinHours.Value);
            query = query.Where(l => l.CapturedAt >= since);
        }

        if (search.SpecialistId is { } specialist)
        {
            query = query.Where(l => l.SpecialistId == specialist);
        }

        if (search.Response is { } state)
        {
            query = WithState(query, state);
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = search.Order switch
        {
            LeadOrder.Oldest => query.OrderBy(l => l.CapturedAt),
            LeadOrder.Score => query.OrderBy(l => l.Score == null).ThenByDescending(l => l.Score).ThenByDescending(l => l.CapturedAt),
            LeadOrder.Company => query.OrderBy(l => l.CompanyName == null).ThenBy(l => l.CompanyName).ThenByDescending(l => l.CapturedAt),
            LeadOrder.ResponseDue => query.OrderBy(l => l.ResponseDueAt == null).ThenBy(l => l.ResponseDueAt).ThenByDescending(l => l.CapturedAt),
            _ => query.OrderByDescending(l => l.CapturedAt),
        };
        // The page's ids first (ordered and skipped within the narrow workspace index), then only those rows: sorting
        // and skipping whole rows, with their encrypted contact columns, cost several times more.
        var ids = await ordered.ThenBy(l => l.Id).Select(l => l.Id).Skip((search.Page - 1) * search.PageSize).Take(search.PageSize).ToListAsync(cancellationToken);
        var rows = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        return new LeadPageResult([.. ids.Where(rows.ContainsKey).Select(id => rows[id])], total, search.Page, search.PageSize);
    }

    /// <summary>The leads whose response clock is in <paramref name="state"/>: <see cref="LeadDto.StateOf"/> as a query.</summary>
    private static IQueryable<Lead> WithState(IQueryable<Lead> query, ResponseState state) => state switch
    {
        ResponseState.Met => query.Where(l => l.FirstTouchedAt != null && l.BreachedAt == null && (l.ResponseDueAt == null || l.FirstTouchedAt <= l.ResponseDueAt)),
        ResponseState.MetLate => query.Where(l => l.FirstTouchedAt != null && (l.BreachedAt != null || (l.ResponseDueAt != null && l.FirstTouchedAt > l.ResponseDueAt))),
        ResponseState.Breached => query.Where(l => l.FirstTouchedAt == null && l.BreachedAt != null),
        ResponseState.AtRisk => query.Where(l => l.FirstTouchedAt == null && l.BreachedAt == null && l.EscalatedAt != null),
        _ => query.Where(l => l.FirstTouchedAt == null && l.BreachedAt == null && l.EscalatedAt == null),
    };

    public Task<Lead?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Leads.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);

    public Task<LeadAssessment?> AssessmentOfAsync(Guid leadId, CancellationToken cancellationToken) =>
        db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.LeadId == leadId, cancellationToken);

    /// <summary>The lead's routing decisions, newest first.</summary>
    public Task<List<RoutingDecision>> DecisionsOfAsync(Guid leadId, CancellationToken cancellationToken) =>
        db.RoutingDecisions.AsNoTracking().Where(d => d.LeadId == leadId).OrderByDescending(d => d.DecidedAt).ToListAsync(cancellationToken);
}
