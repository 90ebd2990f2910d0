using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Runbooks;

/// <summary>A runbook for a component: an HTTP call (url), a configured command (command name), or a switch to standby.</summary>
public sealed record RunbookRequest(
    [Required, StringLength(80)] string Component,
    [Required, StringLength(200)] string Name,
    RunbookKind Kind,
    [StringLength(2000)] string? Url = null,
    [StringLength(100)] string? Command = null,
    [Range(0, 86_400)] int CooldownSeconds = 300,
    [Range(1, 60)] int MaxAttemptsPerHour = 3,
    bool Enabled = true);
