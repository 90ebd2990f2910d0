using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Audit;

namespace Nqba.Server.Modules.Access.Sessions;

/// <summary>
/// Ends every session of an account: a new security stamp makes each bearer token and cookie issued before it fail
/// on its next request (<see cref="SessionClaimsTransformation"/>); with <c>apiKeys</c> the account's API keys are
/// revoked too (they carry no stamp, so they are revoked explicitly).
/// </summary>
internal sealed class SessionRevocation(UserManager<NqbaUser> users, AccessDbContext db, SessionValidator sessions, IAuditLedger audit, TimeProvider time)
{
    /// <summary>
    /// Ends every session of <paramref name="user"/> (and their API keys when asked), audited with the change: in the
    /// caller's transaction when there is one (a password or MFA reset), else in one of its own.
    /// </summary>
    public async Task RevokeAllAsync(NqbaUser user, string reason, bool apiKeys, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Updating the security stamp of user {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            var keys = 0;
            if (apiKeys)
            {
                var now = time.GetUtcNow().UtcDateTime;
                keys = await db.ApiKeys.IgnoreQueryFilters().Where(k => k.UserId == user.Id && k.RevokedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
            }

            audit.Stage(db, new AuditRecord("access.sessions.revoked", "user", user.Id.ToString(), After: new { reason, apiKeysRevoked = keys }, OrganizationId: user.ClientOrganizationId));
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }

        sessions.Forget(user.Id);
    }
}
