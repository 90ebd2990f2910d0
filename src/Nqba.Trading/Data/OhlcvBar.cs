namespace Nqba.Trading.Data;

/// <summary>One day of a ticker's prices and volume. <see cref="AdjustedClose"/> is null when the file has no such column.</summary>
public sealed record OhlcvBar(DateOnly Date, double Open, double High, double Low, double Close, double? AdjustedClose, double Volume);
