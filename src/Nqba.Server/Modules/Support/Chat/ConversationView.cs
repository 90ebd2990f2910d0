namespace Nqba.Server.Modules.Support.Chat;

/// <summary>A conversation with its messages.</summary>
public sealed record ConversationView(ConversationSummary Conversation, IReadOnlyList<MessageView> Messages);
