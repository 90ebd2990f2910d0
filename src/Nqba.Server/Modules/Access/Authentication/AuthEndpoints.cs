using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Access.Authentication;

internal static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Authentication");

        group.MapPost("/token", async Task<Results<SignInHttpResult, ProblemHttpResult>> (TokenRequest request, SignInService signIn, CancellationToken ct) =>
            {
                var result = await signIn.CreateTokenPrincipalAsync(request.Email, request.Password, request.Code, ct);
                return result.Succeeded
                    ? TypedResults.SignIn(result.Value, authenticationScheme: IdentityConstants.BearerScheme)
                    : result.Error.ToProblem();
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimiting.SignIn)
            .WithName("CreateToken")
            .WithSummary("Exchanges e-mail, password and (with MFA) an authenticator code for a bearer token");

        group.MapGet("/me", Ok<MeResponse> (ClaimsPrincipal user, IOptionsMonitor<AccessOptions> options) =>
            TypedResults.Ok(new MeResponse(
                user.FindFirstValue(ClaimTypes.NameIdentifier),
                user.Identity?.Name,
                user.FindFirstValue(NqbaClaims.DisplayName),
                [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)],
                user.FindFirstValue(NqbaClaims.Organization),
                MfaState.IsSatisfied(user, options.CurrentValue.RequireMfaForStaff))))
            .RequireAuthorization(NqbaPolicies.MfaEnrolment)
            .WithName("GetCurrentUser");

        return app;
    }
}
