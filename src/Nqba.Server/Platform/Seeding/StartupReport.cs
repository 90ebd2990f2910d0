namespace Nqba.Server.Platform.Seeding;

/// <summary>Lines the host prints to the console once started (never to the log): URLs, a first admin password.</summary>
public sealed class StartupReport
{
    private readonly List<string> _lines = [];

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }
}
