using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Before the server takes requests: every master key the database's data keys are wrapped under must be in the
/// key ring. A lost or wrong key file otherwise lets the server start and fail later, in a background job,
/// with nothing on the console; here it is one "cannot start" line naming the setting.
/// </summary>
internal sealed class KeyRingStartupCheck(IServiceProvider services, IMasterKeyProvider masterKeys, IOptions<ProtectionOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await VerifyAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), masterKeys, options.Value, cancellationToken);
    }

    /// <summary>
    /// The check itself, also run by the database start-up step before any seeder unwraps a data key (the audit
    /// chain's key is one), so a missing key ring is reported the same way whichever step meets it first.
    /// </summary>
    internal static async Task VerifyAsync(PlatformDbContext db, IMasterKeyProvider masterKeys, ProtectionOptions options, CancellationToken cancellationToken)
    {
        var live = db.DataKeys.AsNoTracking().Where(k => k.WrappedKey != null && k.DestroyedAt == null);
        var masters = await live.GroupBy(k => k.MasterKeyId).Select(g => new { MasterKeyId = g.Key, Keys = g.Count() }).ToListAsync(cancellationToken);
        foreach (var master in masters)
        {
            var sample = await live.Where(k => k.MasterKeyId == master.MasterKeyId).Select(k => k.WrappedKey!).FirstAsync(cancellationToken);
            try
            {
                masterKeys.Unwrap(master.MasterKeyId, sample);
            }
            catch (CryptographicException)
            {
                var source = options.MasterKey is { Length: > 0 } ? "Protection:MasterKey" : $"Protection:MasterKeyFile ({options.MasterKeyFile})";
                throw new StartupException(
                    $"the master key '{master.MasterKeyId}' that protects {master.Keys} data key(s) in the database is not in the key ring from {source}. " +
                    "Restore the key file from where it is backed up (or set Protection:MasterKey); without it the encrypted data cannot be read.");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
