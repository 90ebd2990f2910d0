using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>Tells every client affected by an incident in one action: the API and the staff page share it.</summary>
internal sealed class IncidentClientNotifier(MonitoringDbContext db, IClientDirectory clients, INotificationService notifications, IAuditLedger audit)
{
    public const int MinMessageLength = 3;
    public const int MaxMessageLength = 4000;

    public async Task<Result<ClientsNotifiedDto>> NotifyAsync(Guid incidentId, string? message, CancellationToken cancellationToken)
    {
        if (await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == incidentId, cancellationToken) is not { } incident)
        {
            return Error.NotFound("Incident", incidentId);
        }

        if (string.IsNullOrWhiteSpace(message) || message.Trim().Length < MinMessageLength || message.Length > MaxMessageLength)
        {
            return Error.Validation("message", $"The message must be {MinMessageLength} to {MaxMessageLength} characters.");
        }

        var organizations = await AffectedOrganizationsAsync(incident, cancellationToken);
        var recipients = 0;
        foreach (var organization in organizations)
        {
            foreach (var address in await clients.ContactEmailsAsync(organization, cancellationToken))
            {
                // Client contacts store no language: the default culture.
                await notifications.SendAsync<IncidentUpdateMail, IncidentUpdateMailModel>(
                    new(address, null, new IncidentUpdateMailModel(incident.Title, incident.Status, incident.OpenedAt, message.Trim())), cancellationToken);
                recipients++;
            }
        }

        await audit.AppendAsync(new AuditRecord("monitoring.incident.clients-notified", "Incident", incidentId.ToString(), After: new { organizations, recipients }), cancellationToken);
        return new ClientsNotifiedDto(organizations, recipients);
    }

    /// <summary>Clients subscribed to one of the incident's components, and clients who wrote in about it.</summary>
    public async Task<List<Guid>> AffectedOrganizationsAsync(Incident incident, CancellationToken cancellationToken)
    {
        var subscribed = await db.ClientServices.AsNoTracking().Where(s => incident.ComponentIds.Contains(s.ComponentId)).Select(s => s.OrganizationId).ToListAsync(cancellationToken);
        var wroteIn = await db.IncidentTickets.AsNoTracking().Where(l => l.IncidentId == incident.Id).Select(l => l.OrganizationId).ToListAsync(cancellationToken);
        return subscribed.Concat(wroteIn).Distinct().Order().ToList();
    }
}
