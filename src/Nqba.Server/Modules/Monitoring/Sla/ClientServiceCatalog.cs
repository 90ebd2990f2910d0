using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Monitoring.Sla;

/// <summary>The one way a client organization's subscribed services (what its SLA report covers) change; audited in the same save.</summary>
internal sealed class ClientServiceCatalog(MonitoringDbContext db, IAuditLedger audit)
{
    /// <summary>Replaces the organization's services with the given components and monthly fees (one per component).</summary>
    public async Task<Result<bool>> SetAsync(Guid organizationId, ClientServicesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Services.Any(s => s is null))
        {
            return Error.Validation("services", "A service must not be null.");
        }

        var keys = await db.Components.ToDictionaryAsync(c => c.Key, c => c.Id, cancellationToken);
        var unknown = request.Services.Select(s => s.Component).Where(k => !keys.ContainsKey(k)).ToList();
        if (unknown.Count > 0)
        {
            return Error.Validation("services", $"Unknown component(s): {string.Join(", ", unknown)}.");
        }

        db.RemoveRange(await db.ClientServices.Where(s => s.OrganizationId == organizationId).ToListAsync(cancellationToken));
        foreach (var service in request.Services.DistinctBy(s => s.Component))
        {
            db.ClientServices.Add(new ClientService { Id = Guid.CreateVersion7(), OrganizationId = organizationId, ComponentId = keys[service.Component], MonthlyFee = service.MonthlyFee });
        }

        audit.Stage(db, new AuditRecord("monitoring.client_services.set", "ClientServices", organizationId.ToString(), After: request, OrganizationId: organizationId));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
