using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>An incident's affected clients: the tickets they opened during it, and telling them all in one action.</summary>
internal static class IncidentClientEndpoints
{
    public static IEndpointRouteBuilder MapIncidentClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring/incidents/{id:guid}").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/tickets", async Task<Results<Ok<List<IncidentTicketDto>>, ProblemHttpResult>> (Guid id, MonitoringDbContext db, CancellationToken ct) =>
            await db.Incidents.AnyAsync(i => i.Id == id, ct)
                ? TypedResults.Ok(await db.IncidentTickets.AsNoTracking().Where(l => l.IncidentId == id).OrderBy(l => l.LinkedAt)
                    .Select(l => new IncidentTicketDto(l.TicketId, l.OrganizationId, l.LinkedAt)).ToListAsync(ct))
                : Error.NotFound("Incident", id).ToProblem())
            .WithName("ListIncidentTickets");

        group.MapPost("/notify-clients", async Task<Results<Ok<ClientsNotifiedDto>, ProblemHttpResult>> (Guid id, NotifyClientsRequest request, MonitoringDbContext db, IClientDirectory clients, IEmailSender email, IAuditLedger audit, CancellationToken ct) =>
            {
                if (await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is not { } incident)
                {
                    return Error.NotFound("Incident", id).ToProblem();
                }

                // Affected: clients subscribed to one of the incident's components, and clients who wrote in about it.
                var subscribed = await db.ClientServices.AsNoTracking().Where(s => incident.ComponentIds.Contains(s.ComponentId)).Select(s => s.OrganizationId).ToListAsync(ct);
                var wroteIn = await db.IncidentTickets.AsNoTracking().Where(l => l.IncidentId == id).Select(l => l.OrganizationId).ToListAsync(ct);
                var organizations = subscribed.Concat(wroteIn).Distinct().Order().ToList();
                var recipients = 0;
                foreach (var organization in organizations)
                {
                    foreach (var address in await clients.ContactEmailsAsync(organization, ct))
                    {
                        await email.SendAsync(new EmailMessage(address, $"[Incident] {incident.Title}", $"{request.Message}\n\nIncident: {incident.Title} ({incident.Status}), opened {incident.OpenedAt:u}."), ct);
                        recipients++;
                    }
                }

                await audit.AppendAsync(new AuditRecord("monitoring.incident.clients-notified", "Incident", id.ToString(), After: new { organizations, recipients }), ct);
                return TypedResults.Ok(new ClientsNotifiedDto(organizations, recipients));
            })
            .WithName("NotifyIncidentClients");

        return app;
    }
}
