using Nqba.Server.Modules.Support.Knowledge;

namespace Nqba.Server.Modules.Support.Chat.Bot;

/// <summary>
/// How sure the bot is that an article answers a question, independent of the search engine's scores (BM25 and
/// ts_rank are not comparable across providers or queries): the share of the question's significant terms found
/// in the article's title or body. Significant terms are the question's search tokens less stop words and words
/// under three letters; Japanese bigrams always count. A term is found when the article has the same token or one
/// sharing a prefix of at least four letters that covers three quarters of the shorter word (reset ~ resetting,
/// install ~ installation, but not password ~ passport).
/// </summary>
internal static class AnswerConfidence
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // English
        "the", "and", "for", "how", "what", "can", "does", "did", "with", "you", "your", "are", "was", "this", "that", "from",
        "have", "has", "not", "but", "why", "when", "where", "which", "who", "will", "would", "should", "could", "there",
        "their", "about", "into", "out", "our", "get", "any", "all", "its", "please", "hello", "thanks", "thank", "need", "want",
        // German
        "der", "die", "das", "und", "wie", "was", "ich", "sie", "mein", "meine", "meinen", "meinem", "einen", "eine", "ein",
        "einem", "einer", "nicht", "mit", "für", "kann", "können", "ist", "sind", "auf", "aus", "bei", "den", "dem", "des",
        "wann", "warum", "wer", "welche", "habe", "hat", "haben", "oder", "aber", "bitte", "hallo", "danke", "möchte", "mich", "mir",
    };

    public static IReadOnlyList<string> SignificantTerms(string question) =>
        [.. KnowledgeQuery.Terms(question).Where(t => IsCjk(t) || (t.Length >= 3 && !StopWords.Contains(t)))];

    public static double Compute(string question, string articleSearchTitle, string articleSearchText)
    {
        var terms = SignificantTerms(question);
        if (terms.Count == 0)
        {
            return 0;
        }

        var tokens = new HashSet<string>((articleSearchTitle + " " + articleSearchText).Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        var found = terms.Count(term => tokens.Contains(term) || (!IsCjk(term) && term.Length >= 4 && tokens.Any(token => Related(term, token))));
        return (double)found / terms.Count;
    }

    private static bool Related(string a, string b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        if (shorter < 4)
        {
            return false;
        }

        var common = 0;
        while (common < shorter && a[common] == b[common])
        {
            common++;
        }

        return common >= 4 && common * 4 >= shorter * 3;
    }

    private static bool IsCjk(string token) => token.Length > 0 && token[0] is >= '\u3040' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF66' and <= '\uFF9F';
}
