using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Access.Sessions;

/// <summary>
/// The default scheme: picks the bearer token, API key or cookie handler for the request and answers with its
/// result, except that a session <see cref="SessionClaimsTransformation"/> found revoked (an anonymous principal)
/// fails authentication, so the answer is 401 (the sign-in page in the browser), not 403.
/// </summary>
internal sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(AccessModule.SelectScheme(Context));
        return result.Succeeded && result.Principal.Identity?.IsAuthenticated != true
            ? AuthenticateResult.Fail("The session was revoked, or the account is locked out or gone.")
            : result;
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Context.ChallengeAsync(AccessModule.SelectScheme(Context), properties);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Context.ForbidAsync(AccessModule.SelectScheme(Context), properties);
}
