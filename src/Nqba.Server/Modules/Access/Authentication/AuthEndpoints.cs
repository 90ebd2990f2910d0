using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.Sessions;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Access.Authentication;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");

        group.MapPost("/token", CreateToken)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.SignIn)
            .WithName("CreateToken")
            .WithSummary("Exchanges e-mail, password and (with MFA) an authenticator code for a bearer token");

        group.MapGet("/me", GetCurrentUser)
            .RequireAuthorization(NqbaPolicies.MfaEnrolment)
            .WithName("GetCurrentUser");

        group.MapPost("/sessions/revoke", RevokeAllSessions)
            .RequireAuthorization(NqbaPolicies.MfaEnrolment)
            .WithName("RevokeAllSessions")
            .WithSummary("Signs the current user out everywhere: every bearer token, cookie and API key of the account stops working");

        return app;
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> CreateToken(
        TokenRequest request, SignInService signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider time, CancellationToken ct)
    {
        var result = await signIn.CreateTokenPrincipalAsync(request.Email, request.Password, request.Code, ct);
        return result.Succeeded ? TypedResults.Ok(IssueToken(result.Value, bearer.Get(IdentityConstants.BearerScheme), time)) : result.Error.ToProblem();
    }

    private static Ok<MeResponse> GetCurrentUser(ClaimsPrincipal user, IOptionsMonitor<AccessOptions> options) =>
        TypedResults.Ok(new MeResponse(
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            user.Identity?.Name,
            user.FindFirstValue(NqbaClaims.DisplayName),
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
            user.FindFirstValue(NqbaClaims.Organization),
            MfaState.IsSatisfied(user, options.CurrentValue.RequireMfaForStaff)));

    private static async Task<Results<NoContent, UnauthorizedHttpResult>> RevokeAllSessions(
        ClaimsPrincipal principal, UserManager<NqbaUser> users, SessionRevocation revocation, HttpContext http, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        await revocation.RevokeAllAsync(user, "signed out of all sessions", apiKeys: true, ct);
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The bearer handler's own token format, without the refresh token a sign-in result would add:
    /// nothing accepts one, so a client that kept it would hold a credential it cannot use.
    /// </summary>
    private static TokenResponse IssueToken(ClaimsPrincipal principal, BearerTokenOptions options, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken");
        return new TokenResponse("Bearer", options.BearerTokenProtector.Protect(ticket), (long)options.BearerTokenExpiration.TotalSeconds);
    }
}
