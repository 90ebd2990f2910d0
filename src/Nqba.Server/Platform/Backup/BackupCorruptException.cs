namespace Nqba.Server.Platform.Backup;

/// <summary>A backup file that fails its checks: its message says which check.</summary>
public sealed class BackupCorruptException : Exception
{
    public BackupCorruptException(string message)
        : base(message)
    {
    }

    public BackupCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BackupCorruptException()
    {
    }
}
