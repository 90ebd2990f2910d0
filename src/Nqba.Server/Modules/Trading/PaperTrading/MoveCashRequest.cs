namespace Nqba.Server.Modules.Trading.PaperTrading;

/// <summary>A deposit (positive <paramref name="Amount"/>) or withdrawal (negative) at the close of <paramref name="Date"/> (default: the last stored trading day).</summary>
public sealed record MoveCashRequest(decimal? Amount, DateOnly? Date = null);
