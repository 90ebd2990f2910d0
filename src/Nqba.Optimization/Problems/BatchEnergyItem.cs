using Google.OrTools.Sat;

namespace Nqba.Optimization.Problems;

/// <summary>One optional meeting interval in an energy cut: its presence, its length with buffer, and where it can lie.</summary>
internal readonly record struct BatchEnergyItem(BoolVar Present, long Length, int EarliestStart, int LatestEnd);
