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
    internal static PipelineMetrics Compute(IReadOnlyList<DealFacts> deals, IReadOnlyDictionary<Guid, List<StageEntry>> history, PipelineOptions options, DateTime now)
    {
        var won = deals.Where(d => d.Stage == DealStage.Won).ToList();
        var open = deals.Where(d => !DealStages.IsClosed(d.Stage)).ToList();
        var openValue = CurrencyTotal.Of(open.Select(d => (d.Stage, d.Currency, d.Value)), options);

        // Sales cycle: from the deal's opening to its win.
        double? cycle = won.Count == 0 ? null : won.Average(d => (d.ClosedAt!.Value - d.CreatedAt).TotalDays);

        // Demo to close: among closed deals whose history entered the demo stage, the share won.
        var demoClosed = deals.Where(d => DealStages.IsClosed(d.Stage) && history.TryGetValue(d.Id, out var h) && h.Any(c => c.ToStage == DealStage.Demo)).ToList();
        double? demoToClose = demoClosed.Count == 0 ? null : (double)demoClosed.Count(d => d.Stage == DealStage.Won) / demoClosed.Count;

        // Time in stage: each stay that has ended (the entry until the next one); a deal's current stay is not counted yet.
        var days = new Dictionary<DealStage, List<double>>();
        foreach (var deal in deals)
        {
            if (!history.TryGetValue(deal.Id, out var changes))
            {
                continue;
            }

            for (var i = 0; i + 1 < changes.Count; i++)
            {
                var stage = changes[i].ToStage;
                if (!DealStages.IsClosed(stage))
                {
                    (days.TryGetValue(stage, out var list) ? list : days[stage] = []).Add((changes[i + 1].At - changes[i].At).TotalDays);
                }
            }
        }

        return new PipelineMetrics(
            deals.Count,
            open.Count,
            won.Count,
            deals.Count(d => d.Stage == DealStage.Lost),
            openValue,
            cycle,
            demoToClose,
            demoClosed.Count,
            DealStages.Open.Where(days.ContainsKey).ToDictionary(DealStages.Id, s => Math.Round(days[s].Average(), 4)),
            open.Count(d => options.IsStalled(d.StageEnteredAt, now)));
    }
}

/// <summary>What the figures need of a deal (read as a narrow projection, not the whole row).</summary>
internal sealed record DealFacts(Guid Id, DealStage Stage, string Currency, decimal? Value, DateTime CreatedAt, DateTime? ClosedAt, DateTime StageEnteredAt);

/// <summary>What the figures need of a stage change.</summary>
internal sealed record StageEntry(Guid DealId, DealStage ToStage, DateTime At, Guid Id);

/// <summary>The open deals' value in one currency, and that value weighted by each stage's probability.</summary>
public sealed record CurrencyTotal(string Currency, decimal Value, decimal Weighted)
{
    /// <summary>The totals per currency (in currency order) of the deals that have a value.</summary>
    internal static IReadOnlyList<CurrencyTotal> Of(IEnumerable<(DealStage Stage, string Currency, decimal? Value)> deals, PipelineOptions options) =>
        [.. deals.Where(d => d.Value is not null).GroupBy(d => d.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencyTotal(g.Key, g.Sum(d => d.Value!.Value), Math.Round(g.Sum(d => d.Value!.Value * options.ProbabilityOf(d.Stage) / 100m), 2)))];
}
