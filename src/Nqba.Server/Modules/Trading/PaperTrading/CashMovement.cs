namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>Cash paid into (positive) or taken out of (negative) a portfolio at the close of a day: an external flow, not a return.</summary>
internal sealed class CashMovement
{
    public Guid Id { get; set; }

    public Guid PortfolioId { get; set; }

    public DateOnly Date { get; set; }

    public decimal Amount { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}
