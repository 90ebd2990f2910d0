using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>
/// Identity's EF Core user store, with the normalized user name and e-mail replaced by their keyed hash
/// (<see cref="UserLookupHash"/>) on the way in and on lookup. Done in the store rather than in an
/// <see cref="ILookupNormalizer"/>: the normalizer also normalizes role names and is synchronous, while the store is
/// asynchronous and only sees users. Everything else (sign-in, unique e-mail validation) works unchanged.
/// </summary>
internal sealed class NqbaUserStore(AccessDbContext context, UserLookupHash lookup, IdentityErrorDescriber? describer = null)
    : UserStore<NqbaUser, NqbaRole, AccessDbContext, Guid>(context, describer)
{
    public override async Task<NqbaUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        await base.FindByEmailAsync((await lookup.HashAsync(normalizedEmail, cancellationToken))!, cancellationToken);

    public override async Task<NqbaUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        await base.FindByNameAsync((await lookup.HashAsync(normalizedUserName, cancellationToken))!, cancellationToken);

    public override async Task SetNormalizedEmailAsync(NqbaUser user, string? normalizedEmail, CancellationToken cancellationToken = default) =>
        await base.SetNormalizedEmailAsync(user, await lookup.HashAsync(normalizedEmail, cancellationToken), cancellationToken);

    public override async Task SetNormalizedUserNameAsync(NqbaUser user, string? normalizedName, CancellationToken cancellationToken = default) =>
        await base.SetNormalizedUserNameAsync(user, await lookup.HashAsync(normalizedName, cancellationToken), cancellationToken);
}
