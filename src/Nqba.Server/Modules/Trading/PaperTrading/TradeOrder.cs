namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>An order of a portfolio, placed as of a trading day and filled (or not) at the next available close.</summary>
internal sealed class TradeOrder
{
    public Guid Id { get; set; }

    public Guid PortfolioId { get; set; }

    public required string Ticker { get; set; }

    public OrderSide Side { get; set; }

    public OrderType Type { get; set; }

    public decimal Quantity { get; set; }

    public decimal? LimitPrice { get; set; }

    /// <summary>The trading day the order is placed on (its close is the last price it may know).</summary>
    public DateOnly PlacedOn { get; set; }

    public OrderStatus Status { get; set; }

    /// <summary>Why it was rejected or not filled.</summary>
    public string? Reason { get; set; }

    public decimal? FillPrice { get; set; }

    public DateOnly? FilledOn { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}
