namespace Nqba.Server.Modules.Trading.Portfolios;

/// <summary>The same lower and upper weight for every asset (default 0 and 1: long only, no limit).</summary>
public sealed record WeightBounds(double? Lower, double? Upper);
