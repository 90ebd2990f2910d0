using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Monitoring.Incidents;

/// <summary>An incident's affected clients: the tickets they opened during it, and telling them all in one action.</summary>
internal static class IncidentClientEndpoints
{
    public static IEndpointRouteBuilder MapIncidentClientEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/monitoring/incidents/{id:guid}").WithTags("Monitoring").RequireAuthorization(NqbaPolicies.Staff);

        group.MapGet("/tickets", ListIncidentTickets)
            .WithName("ListIncidentTickets");

        group.MapPost("/notify-clients", NotifyIncidentClients)
            .WithName("NotifyIncidentClients");

        return app;
    }

    private static async Task<Results<Ok<List<IncidentTicketDto>>, ProblemHttpResult>> ListIncidentTickets(Guid id, MonitoringDbContext db, CancellationToken ct) =>
        await db.Incidents.AnyAsync(i => i.Id == id, ct)
            ? TypedResults.Ok(await db.IncidentTickets.AsNoTracking().Where(l => l.IncidentId == id).OrderBy(l => l.LinkedAt)
                .Select(l => new IncidentTicketDto(l.TicketId, l.OrganizationId, l.LinkedAt)).ToListAsync(ct))
            : Error.NotFound("Incident", id).ToProblem();

    private static async Task<Results<Ok<ClientsNotifiedDto>, ProblemHttpResult>> NotifyIncidentClients(Guid id, NotifyClientsRequest request, IncidentClientNotifier notifier, CancellationToken ct)
    {
        var result = await notifier.NotifyAsync(id, request.Message, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
