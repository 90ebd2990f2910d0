using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Protection;
using Quartz;

namespace Nqba.Server.Platform.Backup;

/// <summary>
/// Takes a backup of the main database and of each residency zone's store whenever its newest one is older than
/// <see cref="BackupOptions.Interval"/>; it looks every minute (declared in <c>AddPlatform</c>). Quartz runs it on one
/// instance at a time; instances that share a backup folder without sharing a job store (SQLite files side by side)
/// still coordinate through a lock file in it. One target's failure does not hold the others back: each is tried, and
/// the run fails afterwards naming every target that failed.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class BackupJob(BackupService backups, Microsoft.Extensions.Options.IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupJob> logger) : INqbaJob
{
    private static readonly TimeSpan StaleLock = TimeSpan.FromMinutes(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        foreach (var target in backups.Targets)
        {
            try
            {
                await BackUpIfDueAsync(target, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or BackupCorruptException or UnauthorizedAccessException or System.Data.Common.DbException)
            {
                LogBackupFailed(target.Label, ex);
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException($"{failures.Count} of the scheduled backups failed", failures);
        }
    }

    private async Task BackUpIfDueAsync(BackupTarget target, CancellationToken cancellationToken)
    {
        var newest = BackupService.Newest(target);
        if (newest is null || time.GetUtcNow().UtcDateTime - newest.CreatedAt >= options.Value.Interval)
        {
            await WithLockAsync(target.Folder, () => backups.CreateAsync(target, null, cancellationToken));
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
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled backup of the {Target} failed")]
    private partial void LogBackupFailed(string target, Exception exception);
}
