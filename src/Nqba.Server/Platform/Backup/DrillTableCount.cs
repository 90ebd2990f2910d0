namespace Nqba.Server.Platform.Backup;

/// <summary>One table in a restore drill: its rows when the backup was taken and in the restored copy.</summary>
/// <param name="Table">The table.</param>
/// <param name="AtBackup">Rows counted when the backup was taken.</param>
/// <param name="Restored">Rows in the restored copy; null when the table is missing there.</param>
public sealed record DrillTableCount(string Table, long AtBackup, long? Restored)
{
    public bool Matches => Restored == AtBackup;
}
