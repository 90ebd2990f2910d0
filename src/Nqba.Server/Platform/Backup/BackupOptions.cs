using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Platform.Backup;

/// <summary>The <c>Backup</c> configuration section.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>Take backups on a schedule (one instance at a time).</summary>
    public bool Enabled { get; set; } = true;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The recovery time objective a restore drill is measured against (the interval is the recovery point objective).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RecoveryTimeObjective { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Where backups go: a local folder or any mounted store. Relative to the content root.</summary>
    [Required]
    public string Directory { get; set; } = Path.Combine("data", "backups");

    /// <summary>
    /// The AES-256 key (base64 of 32 bytes). Empty: read from <see cref="KeyFile"/>, created there on first use.
    /// Keep a copy of the key apart from the backups: without it they cannot be restored.
    /// </summary>
    public string? Key { get; set; }

    public string KeyFile { get; set; } = Path.Combine("data", "keys", "backup.key");

    /// <summary>Retention: the newest backup of each of the last N quarter-hours, days and months is kept.</summary>
    [Range(0, 100_000)]
    public int KeepQuarterHours { get; set; } = 96;

    [Range(0, 10_000)]
    public int KeepDays { get; set; } = 30;

    [Range(0, 1_000)]
    public int KeepMonths { get; set; } = 12;

    /// <summary>pg_dump/pg_restore folder for PostgreSQL backups (empty: found on PATH or under /usr/lib/postgresql).</summary>
    public string? PostgresBinDirectory { get; set; }
}
