using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Access.ApiKeys;

internal static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/access/api-keys").WithTags("Access").RequireAuthorization();

        group.MapPost("/", CreateApiKey)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key with the chosen scopes for the signed-in user; the key is returned once");

        group.MapGet("/", ListApiKeys)
            .WithName("ListApiKeys");

        group.MapDelete("/{id:guid}", RevokeApiKey)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes the key and every key created with it");

        return app;
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateApiKey(CreateApiKeyRequest request, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct)
    {
        var result = await keys.CreateAsync(user, request, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/access/api-keys/{result.Value.ApiKey.Id}", result.Value)
            : result.Error.ToProblem();
    }

    private static async Task<Ok<List<ApiKeyDto>>> ListApiKeys(ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct) =>
        TypedResults.Ok(await keys.ListAsync(UserId(user), ct));

    private static async Task<Results<Ok<ApiKeyDto>, ProblemHttpResult>> RevokeApiKey(Guid id, ClaimsPrincipal user, ApiKeyService keys, CancellationToken ct)
    {
        var result = await keys.RevokeAsync(UserId(user), id, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value) : result.Error.ToProblem();
    }

    private static Guid UserId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
