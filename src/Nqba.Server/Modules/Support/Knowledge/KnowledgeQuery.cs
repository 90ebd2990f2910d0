namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>Query terms: the distinct search tokens of a question, at most <see cref="MaxTerms"/>.</summary>
internal static class KnowledgeQuery
{
    public const int MaxTerms = 32;

    public static List<string> Terms(string? query) => [.. SearchTokenizer.Tokenize(query).Distinct(StringComparer.Ordinal).Take(MaxTerms)];
}
