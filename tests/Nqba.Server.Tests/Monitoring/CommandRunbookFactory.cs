namespace Nqba.Server.Tests.Monitoring;

/// <summary>The monitoring server with one configured runbook command: <c>restart-worker</c> runs a script a test writes.</summary>
public sealed class CommandRunbookFactory : MonitoringFactory
{
    public const string CommandName = "restart-worker";

    /// <summary>The script the command runs with bash; the test writes it.</summary>
    public string ScriptPath => Path.Combine(ContentRoot, "restart-worker.sh");

    /// <summary>The file the script is given as its argument.</summary>
    public string MarkerPath => Path.Combine(ContentRoot, "restarted");

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings[$"Monitoring:Commands:{CommandName}:0"] = "/bin/bash";
            settings[$"Monitoring:Commands:{CommandName}:1"] = ScriptPath;
            settings[$"Monitoring:Commands:{CommandName}:2"] = MarkerPath;
            return settings;
        }
    }
}
