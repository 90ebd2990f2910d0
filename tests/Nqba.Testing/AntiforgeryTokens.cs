using System.Net;
using System.Text.RegularExpressions;

namespace Nqba.Testing;

/// <summary>Reads the anti-forgery token a page's form carries, as a browser would send it back.</summary>
public static partial class AntiforgeryTokens
{
    /// <summary>The value of the first <c>__RequestVerificationToken</c> field in <paramref name="html"/>, or empty.</summary>
    public static string From(string html) => WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
