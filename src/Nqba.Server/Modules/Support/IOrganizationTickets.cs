namespace Nqba.Server.Modules.Support;

/// <summary>Support's contract for other modules: a client organization's tickets (the lead page's context panel).</summary>
public interface IOrganizationTickets
{
    /// <summary>The organization's newest tickets (at most <paramref name="limit"/>), open and closed.</summary>
    Task<IReadOnlyList<OrganizationTicket>> ForOrganizationAsync(Guid organizationId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Per organization, its open tickets (neither solved nor closed) and how many of them are urgent or emergency, for
    /// every organization of <paramref name="organizationIds"/> in one query; an organization with none is left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, OrganizationTicketLoad>> OpenLoadAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);
}

/// <summary>An organization's open tickets, and how many of them are urgent or emergency.</summary>
public sealed record OrganizationTicketLoad(int Open, int Urgent);

/// <summary>One ticket as other modules see it; times in UTC.</summary>
public sealed record OrganizationTicket(Guid TicketId, long Number, string Subject, string Status, bool IsOpen, TicketPriority Priority, DateTime CreatedAt);
