using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Sessions;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>
/// Identity's EF Core user store, with the normalized user name and e-mail replaced by their keyed hash
/// (<see cref="UserLookupHash"/>) on the way in and on lookup. Done in the store rather than in an
/// <see cref="ILookupNormalizer"/>: the normalizer also normalizes role names and is synchronous, while the store is
/// asynchronous and only sees users. Everything else (sign-in, unique e-mail validation) works unchanged.
/// The user tokens (<c>access_user_tokens</c>: the authenticator secret and the recovery codes) are stored encrypted
/// under the platform's field key, so the database alone does not yield anyone's second factor.
/// The store also ends the account's sessions (a new security stamp) when a lockout begins or a role is added or
/// removed, whichever path does it, and tells <see cref="SessionValidator"/> of every change.
/// </summary>
internal sealed class NqbaUserStore(AccessDbContext context, UserLookupHash lookup, FieldProtector protector, SessionValidator sessions, TimeProvider time, IdentityErrorDescriber? describer = null)
    : UserStore<NqbaUser, NqbaRole, AccessDbContext, Guid>(context, describer)
{
    public override async Task SetTokenAsync(NqbaUser user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        await base.SetTokenAsync(user, loginProvider, name, value is null ? null : await protector.ProtectAsync(null, value, cancellationToken), cancellationToken);

    /// <summary>Decrypted; a value stored before tokens were encrypted passes through (and is encrypted on start, see <see cref="UserTokenEncryption"/>).</summary>
    public override async Task<string?> GetTokenAsync(NqbaUser user, string loginProvider, string name, CancellationToken cancellationToken) =>
        await base.GetTokenAsync(user, loginProvider, name, cancellationToken) is { } stored ? protector.Unprotect(stored) : null;

    public override async Task<NqbaUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken = default) =>
        await base.FindByEmailAsync((await lookup.HashAsync(normalizedEmail, cancellationToken))!, cancellationToken);

    public override async Task<NqbaUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken = default) =>
        await base.FindByNameAsync((await lookup.HashAsync(normalizedUserName, cancellationToken))!, cancellationToken);

    public override async Task SetNormalizedEmailAsync(NqbaUser user, string? normalizedEmail, CancellationToken cancellationToken = default) =>
        await base.SetNormalizedEmailAsync(user, await lookup.HashAsync(normalizedEmail, cancellationToken), cancellationToken);

    public override async Task SetNormalizedUserNameAsync(NqbaUser user, string? normalizedName, CancellationToken cancellationToken = default) =>
        await base.SetNormalizedUserNameAsync(user, await lookup.HashAsync(normalizedName, cancellationToken), cancellationToken);

    public override async Task SetLockoutEndDateAsync(NqbaUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var begins = lockoutEnd > now && !(user.LockoutEnd > now);
        await base.SetLockoutEndDateAsync(user, lockoutEnd, cancellationToken);
        if (begins)
        {
            user.SecurityStamp = NewStamp();
        }
    }

    public override async Task AddToRoleAsync(NqbaUser user, string normalizedRoleName, CancellationToken cancellationToken = default)
    {
        await base.AddToRoleAsync(user, normalizedRoleName, cancellationToken);
        user.SecurityStamp = NewStamp();
    }

    public override async Task RemoveFromRoleAsync(NqbaUser user, string normalizedRoleName, CancellationToken cancellationToken = default)
    {
        await base.RemoveFromRoleAsync(user, normalizedRoleName, cancellationToken);
        user.SecurityStamp = NewStamp();
    }

    public override async Task<IdentityResult> UpdateAsync(NqbaUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.UpdateAsync(user, cancellationToken);
        sessions.Forget(user.Id);
        return result;
    }

    public override async Task<IdentityResult> DeleteAsync(NqbaUser user, CancellationToken cancellationToken = default)
    {
        var result = await base.DeleteAsync(user, cancellationToken);
        sessions.Forget(user.Id);
        return result;
    }

    // The format Identity's UserManager uses for its own new stamps.
    private static string NewStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
}
