namespace Nqba.Server.Platform.Security;

/// <summary>Claim types NQBA adds to a signed-in principal.</summary>
public static class NqbaClaims
{
    /// <summary>The client organization a Client user belongs to.</summary>
    public const string Organization = "nqba:org";

    /// <summary>How the user authenticated (RFC 8176): "mfa" after a second factor.</summary>
    public const string AuthenticationMethod = "amr";

    public const string DisplayName = "nqba:name";

    /// <summary>The id of the API key a request authenticated with (rate limits count per key, not per user).</summary>
    public const string ApiKey = "nqba:api_key";

    /// <summary>One scope of the API key a request authenticated with (<c>support:read</c>, <c>admin</c>, …).</summary>
    public const string Scope = "nqba:scope";
}
