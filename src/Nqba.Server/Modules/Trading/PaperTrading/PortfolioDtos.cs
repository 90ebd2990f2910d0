using Nqba.Server.Modules.Trading.Compliance;

namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>
/// A portfolio valued at the last stored closes: cash, positions, market value and profit and loss (the total value
/// less the starting cash and the net deposits since).
/// </summary>
public sealed record PortfolioDto(
    Guid Id, string Name, Guid? OrganizationId, decimal Cash, decimal InitialCash, decimal MarketValue, decimal TotalValue, decimal ProfitAndLoss,
    IReadOnlyList<PositionDto> Positions, DateTime CreatedAt)
{
    /// <summary>Deposits less withdrawals since the portfolio opened.</summary>
    public decimal NetDeposits { get; init; }
}

/// <summary>One holding: shares, average cost, last close, market value and unrealized profit and loss.</summary>
public sealed record PositionDto(string Ticker, string? Sector, decimal Quantity, decimal AverageCost, decimal LastClose, decimal MarketValue, decimal UnrealizedPnl);

/// <summary>An order on the blotter, with each compliance rule's verdict.</summary>
public sealed record OrderDto(
    Guid Id, Guid PortfolioId, string Ticker, string Side, string Type, decimal Quantity, decimal? LimitPrice, DateOnly PlacedOn, string Status, string? Reason,
    decimal? FillPrice, DateOnly? FilledOn, DateTime CreatedAt, IReadOnlyList<ComplianceCheck> Checks);
