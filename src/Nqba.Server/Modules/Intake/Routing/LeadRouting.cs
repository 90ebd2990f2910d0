using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Intake.Routing;

/// <summary>Reads loads and calendars, routes through <see cref="LeadRouter"/>, stores decisions and publishes <see cref="LeadRouted"/>.</summary>
internal sealed class LeadRouting(IntakeDbContext db, ICompanyDirectory company, IAuditLedger audit, IOptions<IntakeOptions> options, TimeProvider time)
{
    private static readonly TimeSpan FairnessWindow = TimeSpan.FromDays(30);
    private static readonly TimeSpan AvailabilityWindow = TimeSpan.FromDays(3);

    public async Task<Result<RoutingDecision>> RouteAsync(Guid leadId, string decidedBy, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null)
        {
            return Error.NotFound("Lead", leadId);
        }

        if (lead.UnitCode is null)
        {
            return Error.Conflict("The lead has no unit yet: it is routed once its SigmaEQ assessment is completed.");
        }

        var (snapshot, specialists, regions) = await ContextAsync(lead.Status == LeadStatus.Routed ? [lead.Id] : [], cancellationToken);
        var choice = LeadRouter.RouteOne(ToRouting(lead), specialists, regions);
        if (!choice.Succeeded)
        {
            return choice.Error;
        }

        var decision = Apply(lead, choice.Value.Specialist.Info, choice.Value.Fit, choice.Value.Reason, "fast-path", decidedBy, snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>
    /// Routes leads together. Leads being re-routed no longer count as load on their current specialists (they are
    /// moving), so a specialist's own leads can come back to them when they are still the best fit.
    /// </summary>
    public async Task<BatchRoutingResult> RouteBatchAsync(IReadOnlyCollection<Guid>? leadIds, Guid? fromSpecialistId, string decidedBy, CancellationToken cancellationToken)
    {
        var query = db.Leads.Where(l => l.UnitCode != null && l.Status == LeadStatus.Assessed);
        if (leadIds is { Count: > 0 })
        {
            query = db.Leads.Where(l => l.UnitCode != null && leadIds.Contains(l.Id));
        }
        else if (fromSpecialistId is { } from)
        {
            query = db.Leads.Where(l => l.UnitCode != null && l.SpecialistId == from && l.Status == LeadStatus.Routed);
        }

        var leads = await query.OrderBy(l => l.CapturedAt).Take(5000).ToListAsync(cancellationToken);
        var (snapshot, specialists, regions) = await ContextAsync([.. leads.Where(l => l.Status == LeadStatus.Routed).Select(l => l.Id)], cancellationToken);
        var clock = Stopwatch.StartNew();
        var (routed, unrouted, solution) = LeadRouter.RouteBatch(leads.ConvertAll(ToRouting), specialists, regions, TimeSpan.FromSeconds(2));
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var byId = leads.ToDictionary(l => l.Id);
        var decisions = routed.ConvertAll(c => Apply(byId[c.LeadId], c.Specialist.Info, c.Fit, c.Reason, "batch:" + solution.Method, decidedBy, snapshot));
        await db.SaveChangesAsync(cancellationToken);
        return new BatchRoutingResult(decisions.ConvertAll(RoutingDecisionDto.From), unrouted, routed.Sum(r => r.Fit), solution.Method, solution.ProvenOptimal, elapsed);
    }

    public async Task<Result<RoutingDecision>> ReassignAsync(Guid leadId, ReassignLeadRequest request, string staff, CancellationToken cancellationToken)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, cancellationToken);
        if (lead is null)
        {
            return Error.NotFound("Lead", leadId);
        }

        var snapshot = await company.GetAsync(cancellationToken);
        var specialist = snapshot.Specialists.FirstOrDefault(s => s.Id == request.SpecialistId);
        if (specialist is null)
        {
            return Error.Validation("specialistId", $"Specialist '{request.SpecialistId}' does not exist or is not active.");
        }

        if (specialist.UnitCode != lead.UnitCode)
        {
            return Error.Validation("specialistId", $"{specialist.DisplayName} works for '{specialist.UnitCode}', but the lead belongs to '{lead.UnitCode ?? "no unit yet"}'; override the unit first.");
        }

        var before = new { lead.SpecialistId, lead.SpecialistName };
        var decision = Apply(lead, specialist, 0, $"Reassigned by {staff}: {request.Reason!.Trim()}", "manual", staff, snapshot);
        lead.FirstTouchedAt ??= decision.DecidedAt;
        audit.Stage(db, new AuditRecord("intake.lead.reassigned", "lead", lead.Id.ToString(), before, new { lead.SpecialistId, lead.SpecialistName, reason = request.Reason }, lead.ClientOrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        return decision;
    }

    /// <summary>
    /// Gives a lead no unit was chosen for (its assessment was abandoned) to the default unit's lead: the lead joins
    /// that unit, and the decision and <see cref="LeadRouted"/> are staged for the caller's save.
    /// </summary>
    public RoutingDecision AssignDefaultOwner(Lead lead, SpecialistInfo owner, CompanySnapshot snapshot)
    {
        lead.UnitCode = owner.UnitCode;
        return Apply(lead, owner, 0, "Assessment not completed: the prospect goes to the lead of " + (snapshot.Unit(owner.UnitCode)?.Name ?? owner.UnitCode), "default-owner", "system", snapshot);
    }

    private RoutingDecision Apply(Lead lead, SpecialistInfo specialist, double fit, string reason, string method, string decidedBy, CompanySnapshot snapshot)
    {
        var now = time.GetUtcNow().UtcDateTime;
        lead.SpecialistId = specialist.Id;
        lead.SpecialistName = specialist.DisplayName;
        lead.RoutedAt = now;
        lead.Status = LeadStatus.Routed;

        // The lead-response clock runs in the routed unit's (the specialist's) business hours.
        if (snapshot.Region(specialist.RegionCode) is { } region)
        {
            lead.ResponseDueAt = region.Calendar().AddWorkingTime(new DateTimeOffset(lead.CapturedAt, TimeSpan.Zero), TimeSpan.FromMinutes(options.Value.ResponseTargetMinutes)).UtcDateTime;
        }

        var decision = new RoutingDecision
        {
            Id = Guid.CreateVersion7(),
            LeadId = lead.Id,
            ClientOrganizationId = lead.ClientOrganizationId,
            SpecialistId = specialist.Id,
            SpecialistName = specialist.DisplayName,
            UnitCode = specialist.UnitCode,
            Fit = fit,
            Reason = reason,
            Method = method,
            DecidedBy = decidedBy,
            DecidedAt = now,
        };
        db.RoutingDecisions.Add(decision);
        db.Publish(new LeadRouted(lead.Id, lead.ClientOrganizationId, specialist.Id, specialist.UnitCode, reason, method, now), now);
        return decision;
    }

    /// <summary>Specialists with their loads (not counting <paramref name="moving"/>, the routed leads being re-routed) and region clocks.</summary>
    private async Task<(CompanySnapshot Snapshot, List<RoutingSpecialist> Specialists, Dictionary<string, RoutingRegion> Regions)> ContextAsync(
        IReadOnlyCollection<Guid> moving, CancellationToken cancellationToken)
    {
        var snapshot = await company.GetAsync(cancellationToken);
        var now = time.GetUtcNow();
        var since = now.UtcDateTime - FairnessWindow;
        var loads = await db.Leads.IgnoreQueryFilters().Where(l => l.SpecialistId != null && l.Status == LeadStatus.Routed && !moving.Contains(l.Id))
            .GroupBy(l => l.SpecialistId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var recent = await db.RoutingDecisions.IgnoreQueryFilters().Where(d => d.DecidedAt >= since)
            .GroupBy(d => d.SpecialistId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var instant = Instant.FromDateTimeOffset(now);
        var regions = snapshot.Regions.ToDictionary(
            r => r.Code,
            r => new RoutingRegion(r.Code, r.Name, r.ResidencyZone, DateTimeZoneProviders.Tzdb[r.Hours.TimeZone].GetUtcOffset(instant).ToTimeSpan().TotalHours));
        var availability = snapshot.Regions.ToDictionary(r => r.Code, r => Availability(r, now));
        var specialists = snapshot.Specialists.Select(s => new RoutingSpecialist(
            s, loads.GetValueOrDefault(s.Id), recent.GetValueOrDefault(s.Id), availability.GetValueOrDefault(s.RegionCode), s.IsAbsentAt(now))).ToList();
        return (snapshot, specialists, regions);
    }

    /// <summary>Working time in the next three days against three full working days (holidays and weekends lower it).</summary>
    private static double Availability(RegionInfo region, DateTimeOffset now)
    {
        var days = region.Hours.WorkingDays.Count;
        var perDay = days == 0 ? 0 : region.Hours.WeeklyTotal.TotalHours / days;
        var working = region.Calendar().WorkingTimeBetween(now, now + AvailabilityWindow).TotalHours;
        return perDay <= 0 ? 0 : Math.Clamp(working / (3 * perDay), 0, 1);
    }

    private static RoutingLead ToRouting(Lead lead) =>
        new(lead.Id, lead.UnitCode ?? string.Empty, lead.Language, lead.RegionCode, lead.Tier ?? LeadTier.Cold, lead.SkillTags?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []);
}
