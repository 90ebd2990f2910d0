using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake.Response;

/// <summary>
/// Checks untouched leads: escalates those nearing the target and records breaches (once each). A lead no unit was
/// chosen for (its assessment was abandoned) is escalated to the default unit's lead and routed to them, so no
/// prospect waits for nobody.
/// </summary>
internal sealed class LeadResponseWatch(IntakeDbContext db, ICompanyDirectory company, LeadRouting routing, IOptions<IntakeOptions> options)
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
            if (CalendarFor(lead, snapshot, options.Value.DefaultRegionCode) is not { } region)
            {
                continue;
            }

            var reading = LeadResponseClock.Read(lead.CapturedAt, null, now, region.Calendar(), Target, options.Value.EscalateAtShare);
            lead.ResponseDueAt ??= reading.DueAt;
            if (reading.State is ResponseState.AtRisk or ResponseState.Breached && lead.EscalatedAt is null)
            {
                var unitCode = lead.UnitCode ?? options.Value.DefaultUnitCode;
                var unitLead = snapshot.Specialists.Where(s => s.UnitCode == unitCode).OrderByDescending(s => s.Seniority).ThenBy(s => s.DisplayName, StringComparer.Ordinal).FirstOrDefault();
                lead.EscalatedAt = now;
                if (lead.UnitCode is null && lead.SpecialistId is null && unitLead is not null)
                {
                    // Routed now: from here the clock runs in the owner's region, as for every routed lead.
                    routing.AssignDefaultOwner(lead, unitLead, snapshot);
                    reading = LeadResponseClock.Read(lead.CapturedAt, null, now, (CalendarFor(lead, snapshot, options.Value.DefaultRegionCode) ?? region).Calendar(), Target, options.Value.EscalateAtShare);
                }

                db.Publish(new LeadResponseEscalated(lead.Id, lead.ClientOrganizationId, unitCode, unitLead?.Id, unitLead?.Email, reading.Elapsed, reading.DueAt), now);
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

    /// <summary>The routed specialist's region; before routing, the client's region; when the lead names none, the default region.</summary>
    internal static RegionInfo? CalendarFor(Lead lead, CompanySnapshot snapshot, string defaultRegionCode)
    {
        var specialist = lead.SpecialistId is null ? null : snapshot.Specialists.FirstOrDefault(s => s.Id == lead.SpecialistId);
        return snapshot.Region(specialist?.RegionCode ?? lead.RegionCode) ?? snapshot.Region(defaultRegionCode);
    }
}
