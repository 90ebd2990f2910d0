using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Pipeline.Catalogue;

/// <summary>
/// The product catalogue's command service and reads: products are added and edited by an admin (audited), listed for
/// everyone on staff, and put on deals, which then take their value from them. Writes of a deal's products are kept
/// apart from other writers of the deal by its version token, like every deal write.
/// </summary>
internal sealed partial class ProductCatalogue(PipelineDbContext db, ICompanyDirectory company, IAuditLedger audit, TimeProvider time)
{
    /// <summary>The most products one deal carries.</summary>
    public const int MaxItems = 50;

    private const decimal MaxQuantity = 1_000_000m;

    private const decimal MaxPrice = 1_000_000_000m;

    public async Task<IReadOnlyList<ProductDto>> ListAsync(string? unitCode, bool activeOnly, CancellationToken cancellationToken)
    {
        var products = db.Products.AsNoTracking();
        if (unitCode is not null)
        {
            products = products.Where(p => p.UnitCode == unitCode);
        }

        if (activeOnly)
        {
            products = products.Where(p => p.Active);
        }

        return (await products.OrderBy(p => p.UnitCode).ThenBy(p => p.Name).ToListAsync(cancellationToken)).ConvertAll(ProductDto.From);
    }

    public async Task<Result<Product>> CreateAsync(CreateProductRequest request, CancellationToken cancellationToken)
    {
        // Checked here as well as by the API's annotations: the catalogue page's form comes in through this too.
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var code = request.Code?.Trim() ?? string.Empty;
        if (!CodePattern().IsMatch(code))
        {
            errors["code"] = ["code is 2 to 40 lower-case letters, digits and dashes."];
        }

        var name = request.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 120)
        {
            errors["name"] = ["name is 1 to 120 characters."];
        }

        var billing = DealValue.ParseBilling(request.Billing);
        if (billing is null)
        {
            errors["billing"] = ["billing is one-time, monthly or annual."];
        }

        var unit = request.Unit?.Trim() ?? string.Empty;
        if ((await company.GetAsync(cancellationToken)).Units.All(u => u.Code != unit))
        {
            errors["unit"] = [$"There is no business unit '{unit}'."];
        }

        if (request.Price is not { } price || price < 0 || price > MaxPrice || decimal.Round(price, 2) != price)
        {
            errors["price"] = [$"price is from 0 to {MaxPrice:N0}, with up to 2 decimals."];
        }

        var currency = request.Currency?.Trim().ToUpperInvariant() ?? string.Empty;
        if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
        {
            errors["currency"] = ["currency must be a three-letter ISO 4217 code."];
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        if (await db.Products.AnyAsync(p => p.Code == code, cancellationToken))
        {
            return Error.Conflict($"A product with the code '{code}' exists already.");
        }

        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            Name = name,
            UnitCode = unit,
            Billing = billing!.Value,
            Price = request.Price!.Value,
            Currency = currency,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Products.Add(product);
        audit.Stage(db, new AuditRecord("pipeline.product.created", "product", product.Code, After: ProductDto.From(product)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(product).State == EntityState.Added)
        {
            // Two admins adding the same code at once: the unique index lets one in.
            db.ChangeTracker.Clear();
            if (await db.Products.AsNoTracking().AnyAsync(p => p.Code == code, cancellationToken))
            {
                return Error.Conflict($"A product with the code '{code}' exists already.");
            }

            throw;
        }

        return product;
    }

    public async Task<Result<Product>> UpdateAsync(string code, UpdateProductRequest request, CancellationToken cancellationToken)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (product is null)
        {
            return Error.NotFound("Product", code);
        }

        var before = ProductDto.From(product);
        product.Name = request.Name?.Trim() is { Length: > 0 } name ? name : product.Name;
        product.Price = request.Price ?? product.Price;
        product.Active = request.Active ?? product.Active;
        audit.Stage(db, new AuditRecord("pipeline.product.updated", "product", product.Code, Before: before, After: ProductDto.From(product)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed the product at the same moment; reload it and try again.");
        }

        return product;
    }

    /// <summary>
    /// Replaces the deal's products. Each names an active product in the deal's currency (a product priced in another
    /// currency needs its unit price given); the deal's value becomes their first-year value (<see cref="DealValue.FirstYear"/>).
    /// All or nothing: a bad item leaves the deal as it was, and the answer names it (<c>items[2].quantity</c>).
    /// </summary>
    public async Task<Result<Deal>> SetDealItemsAsync(Guid dealId, SetDealItemsRequest request, int? expectedVersion, CancellationToken cancellationToken)
    {
        var requested = request.Items ?? [];
        if (requested.Count > MaxItems)
        {
            return Error.Validation("items", $"A deal has at most {MaxItems} products.");
        }

        var deal = await db.Deals.FirstOrDefaultAsync(d => d.Id == dealId, cancellationToken);
        if (deal is null)
        {
            return Error.NotFound("Deal", dealId);
        }

        if (expectedVersion is { } version && version != deal.Version)
        {
            return Error.PreconditionFailed($"The deal changed since version {version}; it is at version {deal.Version}. Reload it and try again.");
        }

        var codes = requested.Select(i => i.Product?.Trim()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var products = await db.Products.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var items = new List<DealItem>();
        for (var n = 0; n < requested.Count; n++)
        {
            var item = requested[n];
            var at = $"items[{n}]";
            if (item.Product?.Trim() is not { Length: > 0 } code || !products.TryGetValue(code, out var product) || !product.Active)
            {
                errors[$"{at}.product"] = [$"'{item.Product}' is not an active product of the catalogue."];
                continue;
            }

            var quantity = item.Quantity ?? 1m;
            if (quantity is <= 0 or > MaxQuantity || decimal.Round(quantity, 4) != quantity)
            {
                errors[$"{at}.quantity"] = [$"quantity is more than 0 and at most {MaxQuantity:N0}, with up to 4 decimals."];
            }

            if (item.UnitPrice is null && !string.Equals(product.Currency, deal.Currency, StringComparison.Ordinal))
            {
                errors[$"{at}.unitPrice"] = [$"{product.Code} is priced in {product.Currency} and the deal is in {deal.Currency}: give its unit price in {deal.Currency}."];
            }
            else if (item.UnitPrice is < 0 or > MaxPrice || (item.UnitPrice is { } price && decimal.Round(price, 2) != price))
            {
                errors[$"{at}.unitPrice"] = [$"unitPrice is from 0 to {MaxPrice:N0}, with up to 2 decimals."];
            }

            items.Add(new DealItem
            {
                Id = Guid.CreateVersion7(),
                DealId = deal.Id,
                ProductId = product.Id,
                Position = n,
                ProductCode = product.Code,
                Name = product.Name,
                Billing = product.Billing,
                Quantity = quantity,
                UnitPrice = item.UnitPrice ?? product.Price,
            });
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        var before = DealAudit.Of(deal);
        db.DealItems.RemoveRange(await db.DealItems.Where(i => i.DealId == deal.Id).ToListAsync(cancellationToken));
        db.DealItems.AddRange(items);
        if (items.Count > 0)
        {
            deal.Value = DealValue.FirstYear(items);
        }

        deal.Version++; // the products are part of the deal: a write of them is a write of the deal
        audit.Stage(db, new AuditRecord("pipeline.deal.products", "deal", deal.Id.ToString(), Before: before,
            After: new { products = items.Select(i => new { i.ProductCode, i.Quantity, i.UnitPrice }), deal.Value }, OrganizationId: deal.OrganizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed the deal at the same moment; reload it and try again.");
        }

        return deal;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();
}
