using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Access;

/// <summary>
/// Access's contract for provisioning a client organization's accounts (onboarding): users created in exactly that
/// organization with exactly the given client role and no password, each invited by e-mail to set one.
/// </summary>
public interface IClientProvisioning
{
    /// <summary>The roles a provisioned client user may have (Access's client roles).</summary>
    IReadOnlyList<string> ClientRoles { get; }

    /// <summary>
    /// Creates the organization's users, all or none. A user whose address is already a member of the organization
    /// with the same role is left as it is (<see cref="ProvisionedUser.Created"/> false, no second invitation), so a
    /// batch can be sent again. Bad input is a validation error naming the field (<c>users[0].email</c>); an address
    /// that belongs to another organization or to staff is a conflict naming it. Each created user gets an invitation
    /// mail in <paramref name="language"/> (null: the default culture) with a time-limited, one-use set-password link.
    /// </summary>
    Task<Result<ProvisionedBatch>> ProvisionAsync(Guid organizationId, IReadOnlyList<ClientUserInvite> users, string? language, CancellationToken cancellationToken);

    /// <summary>The client users of each organization of <paramref name="organizationIds"/>, oldest first (one query for all).</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<ProvisionedUser>>> MembersAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken);

    /// <summary>
    /// Per organization, how many client users it has and how many of them signed in at or after
    /// <paramref name="since"/> (one query for all of them); organizations without users are left out.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, ClientUsage>> UsageAsync(IReadOnlyCollection<Guid> organizationIds, DateTime since, CancellationToken cancellationToken);
}

/// <summary>A user to provision: e-mail address, display name and client role.</summary>
public sealed record ClientUserInvite(string? Email, string? Name, string? Role);

/// <summary>A client user of the organization: <c>created</c> is true when this provisioning created it.</summary>
public sealed record ProvisionedUser(Guid UserId, string Name, string Role, bool Created, bool HasPassword);

/// <summary>The users of one provisioning, in the order they were asked for.</summary>
public sealed record ProvisionedBatch(IReadOnlyList<ProvisionedUser> Users)
{
    /// <summary>How many of them this provisioning created.</summary>
    public int Created => Users.Count(u => u.Created);
}

/// <summary>An organization's client users and those of them who signed in within the window.</summary>
public sealed record ClientUsage(int Users, int ActiveUsers);
