using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Access.Sessions;

/// <summary>
/// Runs on every successful authentication (bearer token, cookie, API key): a principal whose security stamp is no
/// longer the account's, or whose account is locked or gone, is replaced by an anonymous one, so the request is
/// answered as unauthenticated (401 on the API, the sign-in page in the browser).
/// </summary>
internal sealed class SessionClaimsTransformation(SessionValidator sessions, IOptions<IdentityOptions> identity, IHttpContextAccessor http) : IClaimsTransformation
{
    private static readonly HashSet<string?> NotASession =
        [IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme];

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // Identity's short-lived two-factor cookies ("who typed the password", "remember this browser") are not
        // sessions and carry no stamp; every other authenticated principal must prove it is current.
        if (principal.Identity is not { IsAuthenticated: true } current || NotASession.Contains(current.AuthenticationType))
        {
            return principal;
        }

        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return Anonymous();
        }

        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var cancellationToken = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        return await sessions.IsCurrentAsync(userId, stamp, cancellationToken) ? principal : Anonymous();
    }

    private static ClaimsPrincipal Anonymous() => new(new ClaimsIdentity());
}
