using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Scheduling.Leads;

/// <summary>Keeps Scheduling's copy of routed leads from Intake's public events (idempotent: replays overwrite).</summary>
internal sealed class CopyRoutedLead(SchedulingDbContext db) : IEventSubscriber<LeadRouted>, IEventSubscriber<AssessmentCompleted>
{
    public async Task HandleAsync(LeadRouted domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var lead = await FindOrAddAsync(domainEvent.LeadId, domainEvent.OrganizationId, cancellationToken);
        if (lead.RoutedAt is { } routedAt && routedAt > domainEvent.RoutedAt)
        {
            return; // an older routing arriving late must not undo a reassignment
        }

        lead.SpecialistId = domainEvent.SpecialistId;
        lead.UnitCode = domainEvent.UnitCode;
        lead.RoutingReason = domainEvent.Reason;
        lead.RoutingMethod = domainEvent.Method;
        lead.RoutedAt = domainEvent.RoutedAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task HandleAsync(AssessmentCompleted domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var lead = await FindOrAddAsync(domainEvent.LeadId, domainEvent.OrganizationId, cancellationToken);
        lead.AssessmentTotal = domainEvent.Total;
        lead.RecommendedUnit = domainEvent.RecommendedUnit;
        lead.RunnerUpUnit = domainEvent.RunnerUpUnit;
        lead.MeetingType = domainEvent.MeetingType;
        lead.AssessedAt = domainEvent.CompletedAt;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<RoutedLead> FindOrAddAsync(Guid leadId, Guid? organizationId, CancellationToken cancellationToken)
    {
        var lead = await db.RoutedLeads.FindAsync([leadId], cancellationToken);
        if (lead is null)
        {
            lead = new RoutedLead { LeadId = leadId, OrganizationId = organizationId };
            db.RoutedLeads.Add(lead);
        }

        return lead;
    }
}
