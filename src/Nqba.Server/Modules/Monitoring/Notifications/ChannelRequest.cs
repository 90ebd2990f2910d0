using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>A notification channel: a webhook URL (Slack-compatible payload) or an e-mail address; components by key (none = all).</summary>
public sealed record ChannelRequest(
    [Required, StringLength(200)] string Name,
    ChannelKind Kind,
    [Required, StringLength(2000)] string Target,
    IReadOnlyList<string>? Components = null,
    [Range(1, 1440)] int? RepeatMinutes = null,
    [Range(1, 10_080)] int? EscalateAfterMinutes = null,
    [StringLength(2000)] string? EscalationTarget = null,
    bool Enabled = true);
