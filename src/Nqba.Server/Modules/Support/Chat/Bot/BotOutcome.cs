namespace Nqba.Server.Modules.Support.Chat.Bot;

/// <summary>What the bot did with a question.</summary>
public enum BotOutcome
{
    /// <summary>Answered from an article with confidence at or above <see cref="SupportChatOptions.ConfidentAt"/>.</summary>
    Answered,

    /// <summary>Answered, but said it is unsure (confidence between the two thresholds).</summary>
    Unsure,

    /// <summary>No article or confidence below <see cref="SupportChatOptions.HandOverBelow"/>: a human takes over.</summary>
    LowConfidence,

    /// <summary>The visitor asked for a person.</summary>
    HumanRequested,
}
