using Nqba.Server.Modules.Support.Knowledge;

namespace Nqba.Server.Modules.Support.Chat.Bot;

/// <summary>
/// Recognizes a visitor asking for a person, in English, German or Japanese: a short message (at most eight words)
/// naming a human, an agent, staff or the like. Longer messages that mention "agent" are questions (FLYFOX sells
/// AI agents) and go to the bot.
/// </summary>
internal static class HandoverRequest
{
    private const int MaxWords = 8;

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "human", "agent", "person", "someone", "somebody", "representative", "operator", "staff",
        "mensch", "menschen", "mitarbeiter", "mitarbeiterin", "berater", "beraterin", "jemand", "jemandem", "person",
    };

    private static readonly string[] JapanesePhrases = ["人間", "担当者", "オペレーター", "スタッフ", "人と話", "有人"];

    public static bool IsMatch(string message)
    {
        if (JapanesePhrases.Any(p => message.Contains(p, StringComparison.Ordinal)))
        {
            return true;
        }

        var tokens = SearchTokenizer.Tokenize(message);
        return tokens.Count <= MaxWords && tokens.Any(Words.Contains);
    }
}
