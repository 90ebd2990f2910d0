namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>Shares of one instrument held by a portfolio, with what they cost (average cost basis).</summary>
internal sealed class Position
{
    public Guid PortfolioId { get; set; }

    public int InstrumentId { get; set; }

    public decimal Quantity { get; set; }

    /// <summary>The total cost of the shares held (quantity × average price paid).</summary>
    public decimal CostBasis { get; set; }
}
