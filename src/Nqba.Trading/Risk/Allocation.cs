namespace Nqba.Trading.Risk;

/// <summary>Whole shares bought for a cash amount.</summary>
/// <param name="Shares">Shares per asset, in the order of the weights.</param>
/// <param name="Leftover">Cash not invested.</param>
/// <param name="Method"><c>greedy</c> or <c>cp-sat</c>.</param>
public sealed record Allocation(IReadOnlyList<long> Shares, double Leftover, string Method);
