namespace Nqba.Server.Modules.Pipeline.Catalogue;

/// <summary>How a product is charged: once, every month, or every year.</summary>
public enum ProductBilling
{
    OneTime,
    Monthly,
    Annual,
}

/// <summary>
/// One product or plan of the catalogue that deals are built from (HubSpot's product library is the model): a stable
/// code, its business unit, how it is billed and its list price. Products are retired, never deleted, so the deals and
/// proposals that named one keep meaning what they said.
/// </summary>
internal sealed class Product
{
    public Guid Id { get; set; }

    /// <summary>The stable identifier the API uses (lower-case letters, digits and dashes); unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string UnitCode { get; set; }

    public ProductBilling Billing { get; set; }

    /// <summary>The list price per unit and billing period, in <see cref="Currency"/>.</summary>
    public decimal Price { get; set; }

    public required string Currency { get; set; }

    /// <summary>Whether it can be added to deals; a retired product stays on the deals that have it.</summary>
    public bool Active { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One product on a deal: how many, at what price per unit and period (the list price unless negotiated), with the
/// product's name and billing copied in so that a later catalogue edit does not rewrite the deal.
/// </summary>
internal sealed class DealItem
{
    public Guid Id { get; set; }

    public Guid DealId { get; set; }

    public Guid ProductId { get; set; }

    /// <summary>0-based order on the deal.</summary>
    public int Position { get; set; }

    public required string ProductCode { get; set; }

    public required string Name { get; set; }

    public ProductBilling Billing { get; set; }

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

/// <summary>The value rules of a deal built from products.</summary>
internal static class DealValue
{
    /// <summary>
    /// The first-year contract value: one-time items once, monthly items twelve times, annual items once. This is what the
    /// deal's <c>value</c> becomes when its products are set.
    /// </summary>
    public static decimal FirstYear(IEnumerable<DealItem> items) =>
        items.Sum(i => i.Quantity * i.UnitPrice * (i.Billing == ProductBilling.Monthly ? 12 : 1));

    /// <summary>The monthly recurring revenue the deal brings when won: monthly items plus a twelfth of annual ones.</summary>
    public static decimal Monthly(IEnumerable<DealItem> items) =>
        Math.Round(items.Sum(i => i.Billing switch
        {
            ProductBilling.Monthly => i.Quantity * i.UnitPrice,
            ProductBilling.Annual => i.Quantity * i.UnitPrice / 12,
            _ => 0m,
        }), 2);

    public static string Id(ProductBilling billing) => billing switch
    {
        ProductBilling.OneTime => "one-time",
        ProductBilling.Monthly => "monthly",
        _ => "annual",
    };

    public static ProductBilling? ParseBilling(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "one-time" => ProductBilling.OneTime,
        "monthly" => ProductBilling.Monthly,
        "annual" => ProductBilling.Annual,
        _ => null,
    };
}
