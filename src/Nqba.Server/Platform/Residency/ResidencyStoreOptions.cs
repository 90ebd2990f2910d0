using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Residency;

/// <summary>The database of one residency zone's personal data.</summary>
public sealed class ResidencyStoreOptions
{
    /// <summary>Sqlite or Postgres; default: the main database's provider.</summary>
    public DatabaseProvider? Provider { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>
    /// Where this zone's backups go (relative to the content root), a folder in the zone itself: backing the zone up
    /// into the main backup folder would move its data out. Default for a SQLite store: <c>backups/&lt;zone&gt;</c>
    /// beside the store's file; a PostgreSQL store has no default and is not backed up until one is set.
    /// </summary>
    public string? BackupDirectory { get; set; }
}
