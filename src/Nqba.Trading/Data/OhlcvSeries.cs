namespace Nqba.Trading.Data;

/// <summary>The daily bars of one ticker, dates ascending.</summary>
public sealed record OhlcvSeries(string Ticker, IReadOnlyList<OhlcvBar> Bars);
