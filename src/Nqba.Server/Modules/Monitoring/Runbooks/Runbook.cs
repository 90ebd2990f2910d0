namespace Nqba.Server.Modules.Monitoring.Runbooks;

/// <summary>A self-healing step attached to a component, run automatically when it goes down, within limits.</summary>
internal sealed class Runbook
{
    public Guid Id { get; set; }

    public Guid ComponentId { get; set; }

    public required string Name { get; set; }

    public RunbookKind Kind { get; set; }

    /// <summary>The URL to call (<see cref="RunbookKind.HttpCall"/>).</summary>
    public string? Url { get; set; }

    /// <summary>The configured command's name (<see cref="RunbookKind.Command"/>).</summary>
    public string? Command { get; set; }

    /// <summary>No second run within this many seconds of the last.</summary>
    public int CooldownSeconds { get; set; } = 300;

    public int MaxAttemptsPerHour { get; set; } = 3;

    public bool Enabled { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
