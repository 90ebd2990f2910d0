using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Persistence;

namespace Nqba.Server.Modules.Intake.Leads;

/// <inheritdoc/>
internal sealed class IntakeLeads(IntakeDbContext db, AssessmentLinks links) : IIntakeLeads
{
    /// <inheritdoc/>
    public async Task<LeadForBooking?> FindByAssessmentLinkAsync(string token, CancellationToken cancellationToken)
    {
        if (links.Read(token) is not { } assessmentId)
        {
            return null;
        }

        // The signed link is the prospect's only key: no signed-in user, so no tenant filter applies.
        var assessment = await db.Assessments.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId, cancellationToken);
        var lead = assessment is null ? null : await db.Leads.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.Id == assessment.LeadId, cancellationToken);
        return lead is null
            ? null
            : new LeadForBooking(lead.Id, lead.ContactName, lead.ContactEmail, lead.Language, assessment!.EffectiveUnit ?? lead.UnitCode, assessment.EffectiveMeetingType ?? lead.MeetingType);
    }

    /// <inheritdoc/>
    public async Task<LeadProgress?> FindProgressAsync(Guid leadId, CancellationToken cancellationToken) =>
        (await ProgressAsync(db.Leads.IgnoreQueryFilters().Where(l => l.Id == leadId), cancellationToken)).FirstOrDefault();

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LeadProgress>> ListProgressAsync(int skip, int take, CancellationToken cancellationToken) =>
        await ProgressAsync(db.Leads.IgnoreQueryFilters().OrderBy(l => l.CapturedAt).ThenBy(l => l.Id).Skip(skip).Take(take), cancellationToken);

    // Projected, not loaded: no encrypted column is read, so nothing is decrypted.
    private async Task<List<LeadProgress>> ProgressAsync(IQueryable<Lead> leads, CancellationToken cancellationToken) =>
        await leads.AsNoTracking()
            .Select(l => new LeadProgress(
                l.Id,
                l.ClientOrganizationId,
                l.CompanyName,
                l.UnitCode,
                l.SpecialistId,
                l.CapturedAt,
                db.Assessments.IgnoreQueryFilters().Where(a => a.LeadId == l.Id && a.CompletedAt != null).Min(a => a.CompletedAt),
                l.RoutedAt))
            .ToListAsync(cancellationToken);
}
