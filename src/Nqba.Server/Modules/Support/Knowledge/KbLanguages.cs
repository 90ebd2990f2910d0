namespace Nqba.Server.Modules.Support.Knowledge;

/// <summary>The languages articles are written in, and the PostgreSQL text-search configuration of each.</summary>
internal static class KbLanguages
{
    public static readonly IReadOnlyList<string> All = ["en", "de", "ja"];

    public static bool IsSupported(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);

    /// <summary>Japanese has no stemming configuration in PostgreSQL; its tokens are bigrams already (see <see cref="SearchTokenizer"/>).</summary>
    public static string PostgresConfig(string language) => language switch
    {
        "en" => "english",
        "de" => "german",
        _ => "simple",
    };
}
