namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// A running server holds <c>data/nqba.lock</c> (under its content root) locked for as long as it runs, so
/// maintenance verbs that must not run beside it (<c>nqba backup restore</c>) can tell and refuse.
/// </summary>
internal sealed partial class ServerLock(IHostEnvironment environment, ILogger<ServerLock> logger) : IHostedLifecycleService, IDisposable
{
    private FileStream? _held;

    /// <summary>The lock file of the server whose content root is <paramref name="contentRoot"/>.</summary>
    public static string PathFor(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, "data", "nqba.lock"));

    /// <summary>Whether a server on <paramref name="contentRoot"/> holds its lock now.</summary>
    public static bool IsHeld(string contentRoot)
    {
        var path = PathFor(contentRoot);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var path = PathFor(environment.ContentRootPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            // Another instance on the same folder holds it; it already tells the verbs that a server runs.
            LogAlreadyHeld(logger, path);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _held?.Dispose();
        _held = null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The server lock {Path} is held by another instance on the same folder")]
    private static partial void LogAlreadyHeld(ILogger logger, string path);
}
