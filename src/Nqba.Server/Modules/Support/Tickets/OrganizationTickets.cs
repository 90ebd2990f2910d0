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

    public async Task<IReadOnlyDictionary<Guid, OrganizationTicketLoad>> OpenLoadAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var ids = organizationIds.Distinct().ToList();
        // Statuses and priorities are stored as their names: compared by equality, not by order.
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.OrganizationId != null && ids.Contains(t.OrganizationId.Value) && t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)
            .GroupBy(t => t.OrganizationId!.Value)
            .Select(g => new { Id = g.Key, Open = g.Count(), Urgent = g.Count(t => t.Priority == TicketPriority.Urgent || t.Priority == TicketPriority.Emergency) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new OrganizationTicketLoad(r.Open, r.Urgent));
    }
}
