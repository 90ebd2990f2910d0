namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>A paper-trading portfolio of a client organization: cash plus <see cref="Position"/>s.</summary>
internal sealed class TradingPortfolio
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The client organization (Access's id) the portfolio is managed for; null for a house portfolio.</summary>
    public Guid? OrganizationId { get; set; }

    public decimal Cash { get; set; }

    public decimal InitialCash { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>
    /// Raised by every order and cash movement (a concurrency token): of two writers that read the same portfolio, the
    /// second to save fails and starts again on the new state, so cash, positions and the limits checked stay exact.
    /// </summary>
    public int Version { get; set; }
}
