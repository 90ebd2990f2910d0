namespace Nqba.Server.Modules.Support.Chat;

/// <summary>A conversation in the agent console's list (and its state as the widget sees it).</summary>
public sealed record ConversationSummary(
    Guid Id,
    ChatStatus Status,
    string VisitorName,
    string RegionCode,
    string Language,
    string? AgentName,
    DateTime StartedAt,
    DateTime LastActivityAt,
    DateTime? WaitingSince,
    DateTime? VisitorReadAt,
    DateTime? AgentReadAt,
    string? HandoverReason,
    DateTime? FirstResponseDueAt = null,
    double? FirstResponseSeconds = null);
