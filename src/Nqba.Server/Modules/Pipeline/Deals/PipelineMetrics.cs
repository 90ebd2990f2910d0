namespace Nqba.Server.Modules.Pipeline.Deals;

/// <summary>
/// The pipeline's figures, computed from the deals and their stage history (never typed in). Null where there is no
/// data to compute a figure from (no won deal: no cycle length; no deal reached the demo and closed: no rate).
/// </summary>
public sealed record PipelineMetrics(
    int Deals,
    int Open,
    int Won,
    int Lost,
    IReadOnlyList<CurrencyTotal> OpenValue,
    double? SalesCycleDays,
    double? DemoToCloseRate,
    int DemoDealsClosed,
    IReadOnlyDictionary<string, double> AverageDaysInStage,
    int Stalled)
{
    /// <summary>The figures from what the database aggregated (see <see cref="DealQueries.MetricsAsync"/>).</summary>
    internal static PipelineMetrics Compute(MetricsFacts facts, PipelineOptions options)
    {
        var count = (DealStage stage) => facts.DealsPerStage.GetValueOrDefault(stage);
        var closedAfterDemo = facts.ClosedAfterDemo.Values.Sum();
        return new PipelineMetrics(
            facts.DealsPerStage.Values.Sum(),
            DealStages.Open.Sum(count),
            count(DealStage.Won),
            count(DealStage.Lost),
            CurrencyTotal.Of(facts.OpenValues, options),
            facts.WonCycleDays.Count == 0 ? null : facts.WonCycleDays.Average(),
            closedAfterDemo == 0 ? null : (double)facts.ClosedAfterDemo.GetValueOrDefault(DealStage.Won) / closedAfterDemo,
            closedAfterDemo,
            DealStages.Open.Where(facts.AverageDaysInStage.ContainsKey).ToDictionary(DealStages.Id, s => Math.Round(facts.AverageDaysInStage[s], 4)),
            facts.Stalled);
    }
}

/// <summary>
/// What the figures are computed from, each read as one aggregate: deals per stage; the open deals' value per stage
/// and currency; the won deals' cycle lengths; closed deals that reached the demo, per outcome; the average finished
/// stay per open stage; the stalled count.
/// </summary>
internal sealed record MetricsFacts(
    IReadOnlyDictionary<DealStage, int> DealsPerStage,
    IReadOnlyList<(DealStage Stage, string Currency, decimal? Value)> OpenValues,
    IReadOnlyList<double> WonCycleDays,
    IReadOnlyDictionary<DealStage, int> ClosedAfterDemo,
    IReadOnlyDictionary<DealStage, double> AverageDaysInStage,
    int Stalled);

/// <summary>The open deals' value in one currency, and that value weighted by each stage's probability.</summary>
public sealed record CurrencyTotal(string Currency, decimal Value, decimal Weighted)
{
    /// <summary>The totals per currency (in currency order) of the deals that have a value.</summary>
    internal static IReadOnlyList<CurrencyTotal> Of(IEnumerable<(DealStage Stage, string Currency, decimal? Value)> deals, PipelineOptions options) =>
        [.. deals.Where(d => d.Value is not null).GroupBy(d => d.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyTotal(g.Key, g.Sum(d => d.Value!.Value), Math.Round(g.Sum(d => d.Value!.Value * options.ProbabilityOf(d.Stage) / 100m), 2)))];
}
