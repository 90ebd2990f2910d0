namespace Nqba.Server.Modules.Access.Authentication;

internal static class AuthenticationSchemes
{
    /// <summary>Picks bearer token, API key or cookie per request.</summary>
    public const string Smart = "Nqba";
}
