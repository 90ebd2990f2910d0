using System.Globalization;
using System.Text;

namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>
/// Turns text into the tokens both full-text engines index and query, so SQLite FTS5 and PostgreSQL see the same
/// words. Latin, Cyrillic etc. split on anything that is not a letter or digit and are lower-cased. Japanese has
/// no spaces: katakana and kanji runs become overlapping character bigrams ("パスワード" → パス スワ ワー ード),
/// a single kanji stays a unigram, and hiragana runs (mostly particles and inflections) are dropped.
/// </summary>
internal static class SearchTokenizer
{
    private enum Script
    {
        None,
        Word,
        Hiragana,
        Katakana,
        Han,
    }

    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var run = new StringBuilder();
        var current = Script.None;
        foreach (var ch in text)
        {
            var script = Classify(ch);
            if (script != current)
            {
                Flush(run, current, tokens);
                current = script;
            }

            if (script != Script.None)
            {
                run.Append(char.ToLowerInvariant(ch));
            }
        }

        Flush(run, current, tokens);
        return tokens;
    }

    /// <summary>The tokens as one space-separated string (what the index columns hold).</summary>
    public static string Join(string? text) => string.Join(' ', Tokenize(text));

    private static void Flush(StringBuilder run, Script script, List<string> tokens)
    {
        if (run.Length == 0)
        {
            return;
        }

        var value = run.ToString();
        run.Clear();
        switch (script)
        {
            case Script.Word:
                tokens.Add(value);
                break;
            case Script.Katakana or Script.Han when value.Length == 1:
                tokens.Add(value);
                break;
            case Script.Katakana or Script.Han:
                for (var i = 0; i + 1 < value.Length; i++)
                {
                    tokens.Add(value.Substring(i, 2));
                }

                break;
        }
    }

    private static Script Classify(char ch) => ch switch
    {
        >= '\u3040' and <= '\u309F' => Script.Hiragana,
        (>= '\u30A0' and <= '\u30FF') or (>= '\u31F0' and <= '\u31FF') or (>= '\uFF66' and <= '\uFF9F') => Script.Katakana,
        (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') => Script.Han,
        _ when char.IsLetterOrDigit(ch) => Script.Word,
        _ when CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark => Script.Word,
        _ => Script.None,
    };
}
