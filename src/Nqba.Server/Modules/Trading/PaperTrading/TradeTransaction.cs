namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>A fill's effect on a portfolio: shares and cash moved, and the gain or loss a sale realized.</summary>
internal sealed class TradeTransaction
{
    public Guid Id { get; set; }

    public Guid PortfolioId { get; set; }

    public Guid OrderId { get; set; }

    public required string Ticker { get; set; }

    public OrderSide Side { get; set; }

    public decimal Quantity { get; set; }

    public decimal Price { get; set; }

    /// <summary>Cash in (positive, a sale) or out (negative, a purchase).</summary>
    public decimal Amount { get; set; }

    /// <summary>For a sale: proceeds less the average cost of the shares sold.</summary>
    public decimal? RealizedPnl { get; set; }

    public DateOnly Date { get; set; }
}
