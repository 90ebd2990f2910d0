using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Pipeline.Catalogue;

/// <summary>A catalogue product: <c>billing</c> is <c>one-time</c>, <c>monthly</c> or <c>annual</c>.</summary>
public sealed record ProductDto(string Code, string Name, string Unit, string Billing, decimal Price, string Currency, bool Active)
{
    internal static ProductDto From(Product p) => new(p.Code, p.Name, p.UnitCode, DealValue.Id(p.Billing), p.Price, p.Currency, p.Active);
}

/// <summary>A new product. The code is permanent; name, price and whether it is active can change later.</summary>
public sealed record CreateProductRequest(
    [Required, RegularExpression("^[a-z0-9][a-z0-9-]{1,39}$", ErrorMessage = "code is 2 to 40 lower-case letters, digits and dashes.")] string? Code,
    [Required, MaxLength(120)] string? Name,
    [Required, MaxLength(40)] string? Unit,
    [Required] string? Billing,
    [Required, Range(typeof(decimal), "0", "1000000000")] decimal? Price,
    [Required, RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "currency must be a three-letter ISO 4217 code.")] string? Currency);

/// <summary>A change of a product: fields left out keep their value.</summary>
public sealed record UpdateProductRequest([MaxLength(120)] string? Name, [Range(typeof(decimal), "0", "1000000000")] decimal? Price, bool? Active);

/// <summary>One product of a deal: its code, how many (default 1), and the price per unit and period (default the list price).</summary>
public sealed record DealItemRequest(string? Product, decimal? Quantity, decimal? UnitPrice);

/// <summary>The deal's products, replacing the ones it had; an empty list removes them (the value is then kept as it was).</summary>
public sealed record SetDealItemsRequest(IReadOnlyList<DealItemRequest>? Items);

/// <summary>One product on a deal, with its amount per billing period.</summary>
public sealed record DealItemDto(string Product, string Name, string Billing, decimal Quantity, decimal UnitPrice, decimal Amount)
{
    internal static DealItemDto From(DealItem i) =>
        new(i.ProductCode, i.Name, DealValue.Id(i.Billing), i.Quantity, i.UnitPrice, Math.Round(i.Quantity * i.UnitPrice, 2));
}
