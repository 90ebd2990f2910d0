using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Catalogue;

internal static class CatalogueEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/pipeline").WithTags("Pipeline").RequireAuthorization(NqbaPolicies.Staff);

        staff.MapGet("/products", ListProducts)
            .WithName("ListProducts")
            .WithSummary("The product catalogue, by unit and name: filter by unit (code) and active (true, false; default all).");

        staff.MapPut("/deals/{id:guid}/products", SetDealProducts)
            .WithName("SetDealProducts")
            .WithSummary("Replaces the deal's products ({items:[{product, quantity, unitPrice?}]}); the deal's value becomes their first-year value (monthly ×12). All or nothing: a bad item is a 400 naming it (items[1].quantity); If-Match as for moves.");

        var admin = app.MapGroup("/api/pipeline").WithTags("Pipeline").RequireAuthorization(NqbaPolicies.Admin);

        admin.MapPost("/products", CreateProduct)
            .WithName("CreateProduct")
            .WithSummary("Adds a product: code (permanent), name, unit, billing (one-time, monthly, annual), price and currency. 409 when the code is taken.");

        admin.MapPatch("/products/{code}", UpdateProduct)
            .WithName("UpdateProduct")
            .WithSummary("Renames a product, changes its list price or retires it (active false); deals that have it keep their copy.");

        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<ProductDto>>, ProblemHttpResult>> ListProducts(string? unit, string? active, ProductCatalogue catalogue, CancellationToken ct)
    {
        bool? activeOnly = active?.Trim().ToLowerInvariant() switch
        {
            null or "" or "false" => false,
            "true" => true,
            _ => null,
        };
        if (activeOnly is null)
        {
            return Error.Validation("active", "active is true or false.").ToProblem();
        }

        return TypedResults.Ok(await catalogue.ListAsync(string.IsNullOrWhiteSpace(unit) ? null : unit.Trim(), activeOnly.Value, ct));
    }

    private static async Task<Results<Created<ProductDto>, ProblemHttpResult>> CreateProduct(CreateProductRequest request, ProductCatalogue catalogue, CancellationToken ct)
    {
        var created = await catalogue.CreateAsync(request, ct);
        return created.Succeeded
            ? TypedResults.Created($"/api/pipeline/products/{created.Value.Code}", ProductDto.From(created.Value))
            : created.Error.ToProblem();
    }

    private static async Task<Results<Ok<ProductDto>, ProblemHttpResult>> UpdateProduct(string code, UpdateProductRequest request, ProductCatalogue catalogue, CancellationToken ct)
    {
        var updated = await catalogue.UpdateAsync(code, request, ct);
        return updated.Succeeded ? TypedResults.Ok(ProductDto.From(updated.Value)) : updated.Error.ToProblem();
    }

    private static async Task<Results<Ok<DealDto>, ProblemHttpResult>> SetDealProducts(Guid id, SetDealItemsRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ProductCatalogue catalogue, DealQueries deals, HttpResponse response, CancellationToken ct)
    {
        var set = await catalogue.SetDealItemsAsync(id, request, EntityTag.Expected(ifMatch), ct);
        if (!set.Succeeded)
        {
            return set.Error.ToProblem();
        }

        var deal = (await deals.GetAsync(id, ct))!;
        response.Headers.ETag = EntityTag.Of(deal.Version);
        return TypedResults.Ok(deal);
    }
}
