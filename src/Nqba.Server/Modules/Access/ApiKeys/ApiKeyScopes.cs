namespace Nqba.Server.Modules.Access.ApiKeys;

/// <summary>
/// What an API key may do, chosen when it is created: <c>{area}:read</c> or <c>{area}:write</c> per module area
/// (write includes read), <c>admin</c> (the Admin-only endpoints, and every area) and <c>keys:create</c> (the key may
/// create keys, with a subset of its own scopes). A request made with a key needs the scope of the endpoint's area and
/// method on top of the role of the key's owner: the key narrows what its owner may do, never widens it.
/// </summary>
internal static class ApiKeyScopes
{
    public const string Admin = "admin";
    public const string KeysCreate = "keys:create";

    /// <summary>Module areas, each an <c>:read</c>/<c>:write</c> pair; listed for modules yet to come too.</summary>
    public static readonly IReadOnlyList<string> Areas =
        ["access", "intake", "scheduling", "pipeline", "onboarding", "support", "monitoring", "insights", "agents", "trading", "marketplace", "company", "optimization"];

    // The first segment after /api/ names the area; where the module's routes use another word, it is mapped here.
    private static readonly Dictionary<string, string> AreaOfSegment = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auth"] = "access",
        ["clients"] = "access",
        ["privacy"] = "access",
        ["compliance"] = "access",
        ["audit"] = "access",
        ["assessments"] = "intake",
        ["leads"] = "intake",
        ["routing"] = "intake",
        ["status"] = "monitoring",
        ["optimize"] = "optimization",
    };

    public static IReadOnlyList<string> All { get; } = [.. Areas.SelectMany(a => new[] { a + ":read", a + ":write" }), Admin, KeysCreate];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="granted"/> covers <paramref name="required"/> (admin covers every area, write covers read).</summary>
    public static bool Covers(IEnumerable<string> granted, string required)
    {
        var set = granted as IReadOnlySet<string> ?? granted.ToHashSet(StringComparer.Ordinal);
        if (set.Contains(required))
        {
            return true;
        }

        if (required is Admin or KeysCreate)
        {
            return false;
        }

        return set.Contains(Admin) || (required.EndsWith(":read", StringComparison.Ordinal) && set.Contains(required[..^5] + ":write"));
    }

    /// <summary>The scope a request needs: by its area (path) and method; null for anything outside <c>/api</c>.</summary>
    public static string? RequiredFor(HttpRequest request)
    {
        var path = request.Path;
        if (!path.StartsWithSegments("/api", out var rest))
        {
            return null;
        }

        if (HttpMethods.IsPost(request.Method) && (path.Equals("/api/access/api-keys", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/access/api-keys/", StringComparison.OrdinalIgnoreCase)))
        {
            return KeysCreate;
        }

        var segment = rest.Value?.TrimStart('/').Split('/', 2)[0] ?? string.Empty;
        var area = AreaOfSegment.GetValueOrDefault(segment, segment);
        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);
        return area + (read ? ":read" : ":write");
    }
}
