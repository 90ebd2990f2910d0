namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>How a KPI's records become its value.</summary>
internal enum KpiAggregate
{
    /// <summary>The average of the records' values.</summary>
    Mean,

    /// <summary>The median of the records' values.</summary>
    Median,

    /// <summary>The share of records whose value is 1, in percent.</summary>
    Share,

    /// <summary>Net promoter score: percent of scores 9–10 minus percent of scores 0–6.</summary>
    NetPromoter,

    /// <summary>The records' values averaged with their weights (uptime weighted by measured time).</summary>
    WeightedMean,
}
