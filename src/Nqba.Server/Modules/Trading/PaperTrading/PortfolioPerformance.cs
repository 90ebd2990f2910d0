namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>
/// A portfolio's value at each trading day's close from its first activity to the last stored close, and its
/// time-weighted return: the daily returns <c>(V_t − F_t) / V_{t−1} − 1</c> (F_t the deposits less withdrawals of day t)
/// chained, so money paid in or out does not count as performance. <see cref="Annualized"/> uses 252 trading days a year.
/// </summary>
public sealed record PortfolioPerformance(
    DateOnly? From, DateOnly? To, double TimeWeightedReturn, double? Annualized, decimal NetDeposits, IReadOnlyList<PerformancePoint> Points);

/// <summary>The value at one close, the external flow of that day, and the growth of 1 (the time-weighted index).</summary>
public sealed record PerformancePoint(DateOnly Date, decimal Value, decimal Flow, double Index);
