namespace Nqba.Server.Modules.Support.Chat;

/// <summary>What the widget sends to start (or resume) a chat: the visitor's name and e-mail, region code and language.</summary>
public sealed record StartChatRequest(string? Name, string? Email, string? Region, string? Language);
