namespace Nqba.Server.Platform.Backup;

/// <summary>
/// Grandfather-father-son retention: keep the newest backup in each of the last N quarter-hours, days and
/// months (UTC); everything else may go. The newest backup is always kept.
/// </summary>
internal static class BackupRetention
{
    public static IReadOnlySet<string> Keep(IReadOnlyList<BackupInfo> backups, DateTime now, int quarterHours, int days, int months)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var newestFirst = backups.OrderByDescending(b => b.CreatedAt).ToList();
        if (newestFirst.Count > 0)
        {
            keep.Add(newestFirst[0].Path);
        }

        KeepNewestPerBucket(newestFirst, keep, b => now - b.CreatedAt < TimeSpan.FromMinutes(15 * quarterHours), b => new DateTime(b.CreatedAt.Ticks - (b.CreatedAt.Ticks % TimeSpan.FromMinutes(15).Ticks), DateTimeKind.Utc));
        KeepNewestPerBucket(newestFirst, keep, b => now - b.CreatedAt < TimeSpan.FromDays(days), b => b.CreatedAt.Date);
        KeepNewestPerBucket(newestFirst, keep, b => MonthsBetween(b.CreatedAt, now) < months, b => new DateTime(b.CreatedAt.Year, b.CreatedAt.Month, 1, 0, 0, 0, DateTimeKind.Utc));
        return keep;
    }

    private static void KeepNewestPerBucket(List<BackupInfo> newestFirst, HashSet<string> keep, Func<BackupInfo, bool> inWindow, Func<BackupInfo, DateTime> bucket)
    {
        var seen = new HashSet<DateTime>();
        foreach (var backup in newestFirst.Where(inWindow))
        {
            if (seen.Add(bucket(backup)))
            {
                keep.Add(backup.Path);
            }
        }
    }

    private static int MonthsBetween(DateTime earlier, DateTime later) => ((later.Year - earlier.Year) * 12) + later.Month - earlier.Month;
}
