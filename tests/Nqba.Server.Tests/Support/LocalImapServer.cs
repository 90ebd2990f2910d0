using System.Diagnostics;

namespace Nqba.Server.Tests.Support;

/// <summary>
/// A real IMAP server for the e-mail channel tests: the one named by <c>NQBA_TEST_IMAP</c>
/// (<c>host:port:user:password</c>), or else a throwaway Dovecot started with scripts/start-dovecot.sh
/// (Debian's dovecot-imapd, which scripts/test.sh installs) and stopped on dispose.
/// </summary>
public sealed class LocalImapServer : IDisposable
{
    private string? _directory;

    private LocalImapServer(string address, string? directory)
    {
        var parts = address.Split(':', 4);
        Host = parts[0];
        Port = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        User = parts[2];
        Password = parts[3];
        _directory = directory;
    }

    public string Host { get; }

    public int Port { get; }

    public string User { get; }

    public string Password { get; }

    public static LocalImapServer Start()
    {
        if (Environment.GetEnvironmentVariable("NQBA_TEST_IMAP") is { Length: > 0 } configured)
        {
            return new LocalImapServer(configured, directory: null);
        }

        var output = Script(string.Empty);
        string Export(string name) =>
            output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))?
                .Split('=', 2)[1].Trim('\'')
            ?? throw new InvalidOperationException($"start-dovecot.sh printed no {name}: {output}");
        return new LocalImapServer(Export("NQBA_TEST_IMAP"), Export("NQBA_DOVECOT_DIR"));
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _directory, null) is { } directory)
        {
            Script($"--stop {directory}");
        }
    }

    private static string Script(string arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "start-dovecot.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", $"{script} {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/start-dovecot.sh {arguments} failed ({process.ExitCode}); install dovecot-imapd (scripts/test.sh does): {stderr.Result}");
        }

        return stdout;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nqba.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the tests run inside the repository");
    }
}
