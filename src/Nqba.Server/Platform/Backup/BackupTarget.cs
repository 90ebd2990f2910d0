using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Backup;

/// <summary>
/// One database the backups cover: the main database (<see cref="Zone"/> null) or a residency zone's store, whose
/// backups go to a folder of that zone so they never move its data out.
/// </summary>
/// <param name="Zone">The residency zone, or null for the main database.</param>
/// <param name="Provider">The database's provider.</param>
/// <param name="ConnectionString">Its resolved connection string.</param>
/// <param name="Folder">The absolute folder its backups are written to.</param>
internal sealed record BackupTarget(string? Zone, DatabaseProvider Provider, string ConnectionString, string Folder)
{
    /// <summary>File names start with this: <c>nqba-</c> for the main database, <c>nqba-eu-</c> for zone EU.</summary>
    public string FilePrefix => Zone is null ? "nqba-" : $"nqba-{Zone.ToLowerInvariant()}-";

    public string Label => Zone is null ? "main database" : $"zone {Zone}";
}
