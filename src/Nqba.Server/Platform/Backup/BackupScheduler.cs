using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Platform.Backup;

/// <summary>
/// Takes a backup whenever the newest one is older than <see cref="BackupOptions.Interval"/>. Instances that
/// share the backup store coordinate through a lock file in it, so one backup is taken per interval.
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
                var newest = backups.Newest();
                if (newest is null || time.GetUtcNow().UtcDateTime - newest.CreatedAt >= options.Value.Interval)
                {
                    await WithLockAsync(() => backups.CreateAsync(null, stoppingToken));
                }

                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is IOException or BackupCorruptException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                LogBackupFailed(logger, ex);
                await Task.Delay(TimeSpan.FromMinutes(1), time, stoppingToken);
            }
        }
    }

    private async Task WithLockAsync(Func<Task> action)
    {
        Directory.CreateDirectory(backups.Folder);
        var lockPath = Path.Combine(backups.Folder, ".backup.lock");
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup failed")]
    private static partial void LogBackupFailed(ILogger logger, Exception exception);
}
