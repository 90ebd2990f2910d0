using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Organizations;

internal static class OrganizationEndpoints
{
    public static IEndpointRouteBuilder MapOrganizationEndpoints(this IEndpointRouteBuilder app)
    {
        // Client users reach this group too: the query filter confines them to their own organization.
        var group = app.MapGroup("/api/clients").WithTags("Clients").RequireAuthorization();

        group.MapGet("/", ListClients)
            .WithName("ListClients");

        group.MapGet("/{id:guid}", GetClient)
            .WithName("GetClient");

        group.MapPost("/", CreateClient)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("CreateClient");

        return app;
    }

    private static async Task<Ok<List<ClientOrganizationDto>>> ListClients(AccessDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct)).ConvertAll(ClientOrganizationDto.From));

    private static async Task<Results<Ok<ClientOrganizationDto>, ProblemHttpResult>> GetClient(Guid id, AccessDbContext db, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } org
            ? TypedResults.Ok(ClientOrganizationDto.From(org))
            : Error.NotFound("Client", id).ToProblem();

    private static async Task<Created<ClientOrganizationDto>> CreateClient(CreateOrganizationRequest request, ClientDirectory directory, CancellationToken ct)
    {
        var dto = await directory.CreateAsync(request, ct);
        return TypedResults.Created($"/api/clients/{dto.Id}", dto);
    }
}
