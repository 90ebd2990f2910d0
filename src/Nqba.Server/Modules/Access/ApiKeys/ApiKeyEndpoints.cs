using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Access.ApiKeys;

internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/access/api-keys").WithTags("Access").RequireAuthorization();

        group.MapPost("/", async Task<Created<CreatedApiKey>> (CreateApiKeyRequest request, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct) =>
            {
                var created = await keys.CreateAsync(UserId(user), request, ct);
                return TypedResults.Created($"/api/access/api-keys/{created.ApiKey.Id}", created);
            })
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key for the signed-in user; the key is returned once");

        group.MapGet("/", async Task<Ok<List<ApiKeyDto>>> (ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct) =>
            TypedResults.Ok(await keys.ListAsync(UserId(user), ct)))
            .WithName("ListApiKeys");

        group.MapDelete("/{id:guid}", async Task<Results<Ok<ApiKeyDto>, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct) =>
            {
                var result = await keys.RevokeAsync(UserId(user), id, ct);
                return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
            })
            .WithName("RevokeApiKey");

        return app;
    }

    private static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
