using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Users;

internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/access/users").WithTags("Access").RequireAuthorization(NqbaPolicies.Admin);

        group.MapPost("/", CreateUser)
            .WithName("CreateUser")
            .WithSummary("Creates a user with one role and returns an initial password once");

        group.MapGet("/", ListUsers)
            .WithName("ListUsers");

        group.MapPost("/{id:guid}/password/reset", ResetUserPassword)
            .WithName("ResetUserPassword")
            .WithSummary("Sets a new random password (returned once), clears lockout and ends every session and API key of the user");

        group.MapPost("/{id:guid}/mfa/reset", ResetUserMfa)
            .WithName("ResetUserMfa")
            .WithSummary("Turns off the user's authenticator and recovery codes, ends every session and API key, and e-mails the user");

        group.MapPost("/{id:guid}/sessions/revoke", RevokeUserSessions)
            .WithName("RevokeUserSessions")
            .WithSummary("Ends every bearer token, cookie and API key of the user");

        return app;
    }

    private static async Task<Results<Created<CreatedUser>, ProblemHttpResult>> CreateUser(CreateUserRequest request, UserAdministration admin, CancellationToken ct)
    {
        var result = await admin.CreateAsync(request, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/access/users/{result.Value.User.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Ok<List<UserDto>>> ListUsers(UserAdministration admin, CancellationToken ct) =>
        TypedResults.Ok(await admin.ListAsync(ct));

    private static async Task<Results<Ok<PasswordReset>, ProblemHttpResult>> ResetUserPassword(Guid id, UserAdministration admin, CancellationToken ct)
    {
        var result = await admin.ResetPasswordAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(new PasswordReset(id, result.Value)) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> ResetUserMfa(Guid id, UserAdministration admin, CancellationToken ct)
    {
        var result = await admin.ResetMfaAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static async Task<Results<Ok<UserDto>, ProblemHttpResult>> RevokeUserSessions(Guid id, UserAdministration admin, CancellationToken ct)
    {
        var result = await admin.RevokeSessionsAsync(id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }
}
