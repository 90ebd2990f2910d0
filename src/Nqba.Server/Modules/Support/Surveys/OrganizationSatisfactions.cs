using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;

namespace Nqba.Server.Modules.Support.Surveys;

/// <inheritdoc/>
internal sealed class OrganizationSatisfactions(SupportDbContext db) : IOrganizationSatisfaction
{
    public async Task<IReadOnlyDictionary<Guid, OrganizationSatisfaction>> ForOrganizationsAsync(IReadOnlyCollection<Guid> organizationIds, DateTime since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var ids = organizationIds.Distinct().ToList();
        // Kind and score only (no encrypted column): a projection is enough.
        var answers = await db.Surveys.AsNoTracking()
            .Where(s => s.OrganizationId != null && ids.Contains(s.OrganizationId.Value) && s.Score != null && s.AnsweredAt != null && s.AnsweredAt >= since)
            .Select(s => new { Organization = s.OrganizationId!.Value, s.Kind, Score = s.Score!.Value })
            .ToListAsync(cancellationToken);
        return answers.GroupBy(a => a.Organization).ToDictionary(g => g.Key, g =>
        {
            var csat = g.Where(a => a.Kind == SurveyKind.Csat).Select(a => a.Score).ToList();
            var nps = g.Where(a => a.Kind == SurveyKind.Nps).Select(a => a.Score).ToList();
            int? score = nps.Count == 0 ? null : (int)Math.Round(100.0 * (nps.Count(s => s >= 9) - nps.Count(s => s <= 6)) / nps.Count, MidpointRounding.AwayFromZero);
            return new OrganizationSatisfaction(csat.Count == 0 ? null : Math.Round(csat.Average(), 2), csat.Count, score, nps.Count);
        });
    }
}
