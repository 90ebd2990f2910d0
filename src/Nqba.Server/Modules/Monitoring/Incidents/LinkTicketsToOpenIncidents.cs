using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Support;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>
/// A ticket opened by a client while an incident affects one of the client's services is linked to that incident,
/// so the incident shows who is affected and who has already written in. Predicted warnings link nothing.
/// </summary>
internal sealed class LinkTicketsToOpenIncidents(MonitoringDbContext db, TimeProvider time) : IEventSubscriber<TicketOpened>
{
    public async Task HandleAsync(TicketOpened domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (domainEvent.OrganizationId is not { } organization)
        {
            return;
        }

        var services = await db.ClientServices.AsNoTracking().Where(s => s.OrganizationId == organization).Select(s => s.ComponentId).ToListAsync(cancellationToken);
        if (services.Count == 0)
        {
            return;
        }

        var open = await db.Incidents.AsNoTracking()
            .Where(i => i.Status != IncidentStatus.Resolved && i.Origin != IncidentOrigin.Predicted)
            .ToListAsync(cancellationToken);
        var linked = await db.IncidentTickets.Where(l => l.TicketId == domainEvent.TicketId).Select(l => l.IncidentId).ToListAsync(cancellationToken);
        foreach (var incident in open.Where(i => i.ComponentIds.Intersect(services).Any() && !linked.Contains(i.Id)))
        {
            db.IncidentTickets.Add(new IncidentTicket
            {
                Id = Guid.CreateVersion7(),
                IncidentId = incident.Id,
                TicketId = domainEvent.TicketId,
                OrganizationId = organization,
                LinkedAt = time.GetUtcNow().UtcDateTime,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
