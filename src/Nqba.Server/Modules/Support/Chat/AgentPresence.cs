namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// An agent console connected to the hub, kept in the database so every instance sees who is online;
/// a row counts while its console has pinged within <see cref="SupportChatOptions.AgentPresenceTimeout"/>.
/// </summary>
internal sealed class AgentPresence
{
    public required string ConnectionId { get; set; }

    public required string UserId { get; set; }

    public required string Name { get; set; }

    public DateTime ConnectedAt { get; set; }

    public DateTime LastSeenAt { get; set; }
}
