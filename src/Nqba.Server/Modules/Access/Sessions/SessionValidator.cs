using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.Persistence;

namespace Nqba.Server.Modules.Access.Sessions;

/// <summary>
/// Answers "is this user's session still good": the user exists, is not locked out, and the security stamp the
/// session carries is the account's current one. The lookup is cached for <see cref="AccessOptions.SessionCheckCacheDuration"/>;
/// every change to the account on this instance (<see cref="Users.NqbaUserStore"/>) removes the entry, so a revocation
/// takes effect on the next request here, and on other instances within that duration.
/// </summary>
internal sealed class SessionValidator(IServiceScopeFactory scopes, IMemoryCache cache, IOptionsMonitor<AccessOptions> options, TimeProvider time)
{
    public async Task<bool> IsCurrentAsync(Guid userId, string? stamp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(stamp))
        {
            return false;
        }

        var state = await StateAsync(userId, cancellationToken);
        return state is not null
            && string.Equals(state.Stamp, stamp, StringComparison.Ordinal)
            && !(state.LockoutEnd is { } end && end > time.GetUtcNow());
    }

    /// <summary>Drops the cached state of a user whose account just changed.</summary>
    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private async Task<AccountState?> StateAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(userId), out AccountState? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccessDbContext>();
        var state = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new AccountState(u.SecurityStamp, u.LockoutEnd))
            .FirstOrDefaultAsync(cancellationToken);
        var duration = options.CurrentValue.SessionCheckCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            cache.Set(Key(userId), state, duration);
        }

        return state;
    }

    private static string Key(Guid userId) => "access.session:" + userId.ToString("N");

    private sealed record AccountState(string? Stamp, DateTimeOffset? LockoutEnd);
}
