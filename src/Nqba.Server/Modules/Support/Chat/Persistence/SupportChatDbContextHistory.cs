namespace Nqba.Server.Modules.Support.Chat.Persistence;

/// <summary>The migrations history table of the support chat context.</summary>
internal static class SupportChatDbContextHistory
{
    public const string Table = "__ef_support_chat";
}
