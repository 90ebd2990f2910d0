namespace Nqba.Server.Modules.Access;

/// <summary>Access's contract for other modules: find a client organization by its e-mail domain, or create it.</summary>
public interface IClientDirectory
{
    /// <summary>
    /// Returns the organization whose domain is <see cref="ClientProfile.Domain"/> when there is one; otherwise creates
    /// an organization from the profile (audited) and returns it with <see cref="ClientMatch.Created"/> set.
    /// </summary>
    Task<ClientMatch> FindOrCreateAsync(ClientProfile profile, CancellationToken cancellationToken);

    /// <summary>The organization's name and region, or null when it does not exist.</summary>
    Task<ClientMatch?> FindAsync(Guid organizationId, CancellationToken cancellationToken);

    /// <summary>The names of the organizations that exist among <paramref name="organizationIds"/>, in one query.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);

    /// <summary>The e-mail addresses of the organization's client users: whom to tell about an incident.</summary>
    Task<IReadOnlyList<string>> ContactEmailsAsync(Guid organizationId, CancellationToken cancellationToken);
}
