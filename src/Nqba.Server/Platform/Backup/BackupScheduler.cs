using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Observability;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Backup;

/// <summary>
/// Takes a backup of the main database and of each residency zone's store whenever its newest one is older than
/// <see cref="BackupOptions.Interval"/>. Instances that share a backup folder coordinate through a lock file in it,
/// so one backup is taken per interval; one target's failure does not hold the others back.
/// </summary>
internal sealed partial class BackupScheduler(BackupService backups, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan StaleLock = TimeSpan.FromMinutes(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var target in backups.Targets)
                {
                    await BackUpIfDueAsync(target, stoppingToken);
                }

                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task BackUpIfDueAsync(BackupTarget target, CancellationToken stoppingToken)
    {
        try
        {
            var newest = BackupService.Newest(target);
            if (newest is null || time.GetUtcNow().UtcDateTime - newest.CreatedAt >= options.Value.Interval)
            {
                await WithLockAsync(target.Folder, () => backups.CreateAsync(target, null, stoppingToken));
            }
        }
        catch (Exception ex) when (ex is IOException or BackupCorruptException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            LogBackupFailed(logger, target.Label, ex);
        }
    }

    private async Task WithLockAsync(string folder, Func<Task> action)
    {
        OwnerOnlyFiles.CreateOrRestrictDirectory(folder);
        var lockPath = Path.Combine(folder, ".backup.lock");
        if (File.Exists(lockPath) && time.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(lockPath) > StaleLock)
        {
            File.Delete(lockPath);
        }

        FileStream handle;
        try
        {
            handle = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return; // another instance is taking this interval's backup
        }

        await using (handle)
        {
            await action();
            NqbaTelemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", "backup"));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup of the {Target} failed")]
    private static partial void LogBackupFailed(ILogger logger, string target, Exception exception);
}
