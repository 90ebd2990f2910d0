using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// One visitor's chat. The visitor is known by a keyed hash of the token their widget keeps, never the token itself.
/// Name and e-mail, and every message of the chat, are encrypted under the visitor's own data key
/// (<see cref="FieldProtector.SubjectKeyId"/> of their address), so erasing the visitor crypto-shreds the whole
/// conversation, the agents' and the bot's answers included; they are stored in the organization's residency zone.
/// </summary>
internal sealed class ChatConversation : IOrganizationOwned
{
    public Guid Id { get; set; }

    public required string VisitorKey { get; set; }

    [Encrypted]
    public required string VisitorName { get; set; }

    [Encrypted]
    public required string VisitorEmail { get; set; }

    /// <summary>Keyed hash of the normalized address: how a privacy request finds the visitor's chats without decrypting.</summary>
    public string? VisitorEmailHash { get; set; }

    /// <summary>The visitor's own data key owner; null (chats from before per-person keys): the organization's key.</summary>
    public Guid? SubjectKeyId { get; set; }

    public required string RegionCode { get; set; }

    public required string Language { get; set; }

    public Guid? OrganizationId { get; set; }

    public ChatStatus Status { get; set; }

    public string? AgentUserId { get; set; }

    public string? AgentName { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    public DateTime? WaitingSince { get; set; }

    public DateTime? HandedOverAt { get; set; }

    public string? HandoverReason { get; set; }

    public bool OutsideHours { get; set; }

    public DateTime? VisitorReadAt { get; set; }

    public DateTime? AgentReadAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>The SLA policy whose first-response target the chat was measured against (set at handover to a human).</summary>
    public string? SlaPolicy { get; set; }

    /// <summary>80 % of the first-response target after <see cref="WaitingSince"/>; cleared once the clock stops.</summary>
    public DateTime? FirstResponseWarnAt { get; set; }

    /// <summary>When an agent must have accepted; kept after the clock stops only when it was missed (a breach is owed).</summary>
    public DateTime? FirstResponseDueAt { get; set; }

    /// <summary>When an agent accepted (or first answered) the waiting chat.</summary>
    public DateTime? FirstRespondedAt { get; set; }

    /// <summary>The measured first response: the SLA clock's time from handover to accept, in seconds.</summary>
    public double? FirstResponseSeconds { get; set; }

    /// <summary>When the SLA warning was published (its claim: set once, by one instance).</summary>
    public DateTime? SlaWarnedAt { get; set; }

    /// <summary>When the SLA breach was published (its claim: set once, by one instance).</summary>
    public DateTime? SlaBreachedAt { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
