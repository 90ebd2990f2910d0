using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Pipeline.Catalogue;

/// <summary>
/// The catalogue page's forms (admins, anti-forgery checked): add a product, retire or reactivate one, through the same
/// <see cref="ProductCatalogue"/> as the API. Each redirects back to the page, with the problem when there is one.
/// </summary>
internal static class CatalogueFormEndpoints
{
    public static IEndpointRouteBuilder MapCatalogueFormEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/pipeline/products").WithTags("Pipeline forms").ExcludeFromDescription().RequireAuthorization(NqbaPolicies.Admin).WithFormBinding();

        group.MapPost("/", SubmitCreateProduct).WithName("SubmitCreateProduct");

        group.MapPost("/{code}/active", SubmitProductActive).WithName("SubmitProductActive");

        return app;
    }

    private static async Task<RedirectHttpResult> SubmitCreateProduct([FromForm] ProductForm form, ProductCatalogue catalogue, CancellationToken ct)
    {
        decimal? price = null;
        if (!string.IsNullOrWhiteSpace(form.Price))
        {
            if (!decimal.TryParse(form.Price.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return Back(Error.Validation("price", "price must be a number, e.g. 1200.00."));
            }

            price = parsed;
        }

        var created = await catalogue.CreateAsync(new CreateProductRequest(form.Code, form.Name, form.Unit, form.Billing, price, form.Currency), ct);
        return Back(created.Succeeded ? null : created.Error);
    }

    private static async Task<RedirectHttpResult> SubmitProductActive(string code, [FromForm] ProductForm form, ProductCatalogue catalogue, CancellationToken ct)
    {
        var updated = await catalogue.UpdateAsync(code, new UpdateProductRequest(null, null, form.Active is "true"), ct);
        return Back(updated.Succeeded ? null : updated.Error);
    }

    private static RedirectHttpResult Back(Error? error)
    {
        if (error is null)
        {
            return TypedResults.LocalRedirect("/pipeline/products");
        }

        var message = error.Fields is { Count: > 0 } fields ? string.Join(" ", fields.SelectMany(f => f.Value)) : error.Detail;
        return TypedResults.LocalRedirect("/pipeline/products?error=" + Uri.EscapeDataString(message));
    }

    internal sealed class ProductForm
    {
        public string? Code { get; set; }

        public string? Name { get; set; }

        public string? Unit { get; set; }

        public string? Billing { get; set; }

        public string? Price { get; set; }

        public string? Currency { get; set; }

        public string? Active { get; set; }
    }
}
