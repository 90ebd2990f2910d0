using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Users;

internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/access/users").WithTags("Access").RequireAuthorization(NqbaPolicies.Admin);

        group.MapPost("/", async Task<Results<Created<CreatedUser>, ProblemHttpResult>> (CreateUserRequest request, UserAdministration admin, CancellationToken ct) =>
            {
                var result = await admin.CreateAsync(request, ct);
                return result.Succeeded
                    ? TypedResults.Created($"/api/access/users/{result.Value.User.Id}", result.Value)
                    : result.Error.ToProblem();
            })
            .WithName("CreateUser")
            .WithSummary("Creates a user with one role and returns an initial password once");

        group.MapGet("/", async Task<Ok<List<UserDto>>> (UserAdministration admin, CancellationToken ct) =>
            TypedResults.Ok(await admin.ListAsync(ct)))
            .WithName("ListUsers");

        return app;
    }
}
