namespace Nqba.Server.Modules.Support.Chat;

/// <summary>A chat message as both sides see it.</summary>
public sealed record MessageView(Guid Id, Guid ConversationId, ChatSender Sender, string SenderName, string Body, DateTime SentAt, Guid? ArticleId, double? Confidence);
