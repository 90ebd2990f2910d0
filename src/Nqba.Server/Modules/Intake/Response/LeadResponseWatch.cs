using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake.Response;

/// <summary>Checks untouched leads: escalates those nearing the target and records breaches (once each).</summary>
internal sealed class LeadResponseWatch(IntakeDbContext db, ICompanyDirectory company, IOptions<IntakeOptions> options)
{
    public async Task<int> CheckAsync(DateTime now, CancellationToken cancellationToken)
    {
        var open = await db.Leads.IgnoreQueryFilters()
            .Where(l => l.FirstTouchedAt == null && l.BreachedAt == null && l.Status != LeadStatus.Closed)
            .OrderBy(l => l.CapturedAt).Take(1000).ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        var snapshot = await company.GetAsync(cancellationToken);
        var changed = 0;
        foreach (var lead in open)
        {
            if (CalendarFor(lead, snapshot) is not { } region)
            {
                continue;
            }

            var reading = LeadResponseClock.Read(lead.CapturedAt, null, now, region.Calendar(), Target, options.Value.EscalateAtShare);
            lead.ResponseDueAt ??= reading.DueAt;
            if (reading.State is ResponseState.AtRisk or ResponseState.Breached && lead.EscalatedAt is null)
            {
                var unitLead = snapshot.Specialists.Where(s => s.UnitCode == lead.UnitCode).OrderByDescending(s => s.Seniority).ThenBy(s => s.DisplayName, StringComparer.Ordinal).FirstOrDefault();
                lead.EscalatedAt = now;
                db.Publish(new LeadResponseEscalated(lead.Id, lead.ClientOrganizationId, lead.UnitCode, unitLead?.Id, unitLead?.Email, reading.Elapsed, reading.DueAt), now);
                changed++;
            }

            if (reading.State == ResponseState.Breached)
            {
                lead.BreachedAt = reading.DueAt;
                db.Publish(new LeadResponseBreached(lead.Id, lead.ClientOrganizationId, lead.UnitCode, lead.SpecialistId, reading.DueAt), now);
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    private TimeSpan Target => TimeSpan.FromMinutes(options.Value.ResponseTargetMinutes);

    /// <summary>The routed specialist's region; before routing, the client's region.</summary>
    internal static RegionInfo? CalendarFor(Lead lead, CompanySnapshot snapshot)
    {
        var specialist = lead.SpecialistId is null ? null : snapshot.Specialists.FirstOrDefault(s => s.Id == lead.SpecialistId);
        return snapshot.Region(specialist?.RegionCode ?? lead.RegionCode);
    }
}
