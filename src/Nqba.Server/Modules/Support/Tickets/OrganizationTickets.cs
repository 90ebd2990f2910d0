using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;

namespace Nqba.Server.Modules.Support.Tickets;

/// <inheritdoc/>
internal sealed class OrganizationTickets(SupportDbContext db) : IOrganizationTickets
{
    // Whole entities, not a projection: the subject is encrypted, and only loaded entities are decrypted.
    public async Task<IReadOnlyList<OrganizationTicket>> ForOrganizationAsync(Guid organizationId, int limit, CancellationToken cancellationToken) =>
        (await db.Tickets.AsNoTracking().Where(t => t.OrganizationId == organizationId)
            .OrderByDescending(t => t.CreatedAt).Take(limit)
            .ToListAsync(cancellationToken))
        .ConvertAll(t => new OrganizationTicket(t.Id, t.Number, t.Subject, t.Status.ToString(), t.IsOpen, t.Priority, t.CreatedAt));
}
