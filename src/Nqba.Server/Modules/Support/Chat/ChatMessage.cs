using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// A message of a conversation; sender name and body are encrypted at rest under the conversation's key (see
/// <see cref="ChatConversation"/>).
/// </summary>
internal sealed class ChatMessage : IOrganizationOwned
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public Guid? OrganizationId { get; set; }

    /// <summary>The visitor's own data key owner, as on the conversation.</summary>
    public Guid? SubjectKeyId { get; set; }

    public ChatSender Sender { get; set; }

    [Encrypted]
    public required string SenderName { get; set; }

    [Encrypted]
    public required string Body { get; set; }

    /// <summary>The article a bot answer came from.</summary>
    public Guid? ArticleId { get; set; }

    /// <summary>The bot's confidence in its answer (0–1).</summary>
    public double? Confidence { get; set; }

    public DateTime SentAt { get; set; }

    public Guid? OwnerOrganizationId => SubjectKeyId ?? OrganizationId;

    Guid? IOrganizationOwned.ResidencyOrganizationId => OrganizationId;
}
