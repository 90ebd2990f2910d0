namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Files that hold the data or its keys (the SQLite database, key files, backups, the audit anchor) are created
/// readable by the server's own account only: mode 0600, in folders of mode 0700. Created with that mode rather than
/// changed afterwards, so there is no moment in which another account could open them. No-ops on Windows, where
/// the folder's access list applies.
/// </summary>
internal static class OwnerOnlyFiles
{
    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder and every missing parent with mode 0700; an existing folder is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnlyDirectory);
        }
    }

    /// <summary>Creates the folder like <see cref="CreateDirectory"/>, and narrows it to 0700 when it exists already.</summary>
    public static void CreateOrRestrictDirectory(string path)
    {
        CreateDirectory(path);
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnlyDirectory) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnlyDirectory);
        }
    }

    /// <summary>Narrows an existing file to 0600 (one created before this rule, or by a library); absent files are skipped.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerReadWrite) != 0)
        {
            File.SetUnixFileMode(path, OwnerReadWrite);
        }
    }

    /// <summary>Opens a file for writing (created or truncated) with mode 0600, its folder created with 0700.</summary>
    public static FileStream Create(string path, FileOptions options = FileOptions.None)
    {
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Restrict(path); // an existing file keeps its mode when it is truncated
        return new FileStream(path, Open(System.IO.FileMode.Create, options));
    }

    /// <summary>Opens a file for appending with mode 0600 when it is created, its folder created with 0700.</summary>
    public static FileStream Append(string path, FileOptions options = FileOptions.None)
    {
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return new FileStream(path, Open(System.IO.FileMode.Append, options));
    }

    /// <summary>Creates an empty file with mode 0600 unless it exists (SQLite then opens it as an empty database).</summary>
    public static void Touch(string path)
    {
        CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path))
        {
            new FileStream(path, Open(System.IO.FileMode.CreateNew, FileOptions.None)).Dispose();
        }
    }

    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await using var stream = Create(path, FileOptions.Asynchronous);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text.AsMemory(), cancellationToken);
    }

    public static void WriteAllText(string path, string text)
    {
        using var stream = Create(path);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        using var stream = Create(path);
        stream.Write(bytes);
    }

    private static FileStreamOptions Open(System.IO.FileMode mode, FileOptions options)
    {
        var open = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.Read, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            open.UnixCreateMode = OwnerReadWrite;
        }

        return open;
    }
}
