namespace Nqba.Server.Modules.Support.Chat.Bot;

/// <summary>The bot's reply: its text (null when it only hands over), the article it used and its confidence (0–1).</summary>
internal sealed record BotReply(BotOutcome Outcome, string? Text, Guid? ArticleId, double Confidence)
{
    public bool HandsOver => Outcome is BotOutcome.LowConfidence or BotOutcome.HumanRequested;
}
