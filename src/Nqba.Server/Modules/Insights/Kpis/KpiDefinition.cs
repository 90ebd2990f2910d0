namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>
/// A KPI, defined once: its stable id, name, the formula in words (shown on the dashboard and in the API), unit,
/// direction, target from DESIGN.md and the amber threshold (between target and amber: amber; beyond: red), how its
/// records become a value, what its breakdown groups by, and whether it can be filtered by business unit.
/// <see cref="Unavailable"/> says why a KPI is not computable yet (its events do not exist).
/// </summary>
internal sealed record KpiDefinition(
    string Id,
    string Name,
    string Formula,
    string Unit,
    KpiDirection Direction,
    double Target,
    double Amber,
    KpiAggregate Aggregate,
    string BreakdownBy = "unit",
    bool PerUnit = true,
    string? Unavailable = null)
{
    /// <summary>Red, amber or green for <paramref name="value"/>; none without a value.</summary>
    public KpiStatus StatusOf(double? value) => value switch
    {
        null => KpiStatus.None,
        { } v when Direction == KpiDirection.HigherIsBetter => v >= Target ? KpiStatus.Green : v >= Amber ? KpiStatus.Amber : KpiStatus.Red,
        { } v => v <= Target ? KpiStatus.Green : v <= Amber ? KpiStatus.Amber : KpiStatus.Red,
    };

    /// <summary>The value of <paramref name="records"/>; null when there are none.</summary>
    public double? ValueOf(IReadOnlyCollection<KpiRecord> records)
    {
        if (records.Count == 0)
        {
            return null;
        }

        double value = Aggregate switch
        {
            KpiAggregate.Mean => records.Average(r => r.Value),
            KpiAggregate.Median => Median([.. records.Select(r => r.Value)]),
            KpiAggregate.Share => 100.0 * records.Count(r => r.Value >= 1) / records.Count,
            KpiAggregate.NetPromoter => (100.0 * records.Count(r => r.Value >= 9) / records.Count) - (100.0 * records.Count(r => r.Value <= 6) / records.Count),
            _ => records.Sum(r => r.Weight) is var w and > 0 ? records.Sum(r => r.Value * r.Weight) / w : double.NaN,
        };
        return double.IsFinite(value) ? Math.Round(value, 2) : null;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
