namespace Nqba.Trading.Optimization;

/// <summary>The total weight of the assets in a sector must lie in [<paramref name="Lower"/>, <paramref name="Upper"/>].</summary>
/// <param name="Name">The sector's name, used in error messages.</param>
/// <param name="Assets">The indices of the sector's assets.</param>
/// <param name="Lower">The least total weight (0 for none).</param>
/// <param name="Upper">The greatest total weight (1 for none).</param>
public sealed record SectorLimit(string Name, IReadOnlyList<int> Assets, double Lower, double Upper);
