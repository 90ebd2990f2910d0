namespace Nqba.Server.Modules.Support;

/// <summary>Support's contract for other modules: a client organization's tickets (the lead page's context panel).</summary>
public interface IOrganizationTickets
{
    /// <summary>The organization's newest tickets (at most <paramref name="limit"/>), open and closed.</summary>
    Task<IReadOnlyList<OrganizationTicket>> ForOrganizationAsync(Guid organizationId, int limit, CancellationToken cancellationToken);
}

/// <summary>One ticket as other modules see it; times in UTC.</summary>
public sealed record OrganizationTicket(Guid TicketId, long Number, string Subject, string Status, bool IsOpen, TicketPriority Priority, DateTime CreatedAt);
