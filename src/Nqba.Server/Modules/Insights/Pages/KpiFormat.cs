using System.Globalization;
using Microsoft.Extensions.Localization;
using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Insights.Resources;
using Nqba.Server.Platform.Web.Charts;

namespace Nqba.Server.Modules.Insights.Pages;

/// <summary>How the dashboard, the drill-down and the weekly mail write KPI values, statuses, groups and charts.</summary>
internal static class KpiFormat
{
    public static string Value(IStringLocalizer<InsightsResource> t, double? value, string unit)
    {
        if (value is not { } v)
        {
            return t["NoData"];
        }

        var c = CultureInfo.CurrentCulture;
        return unit switch
        {
            "%" => string.Create(c, $"{v:0.##} %"),
            "/5" => string.Create(c, $"{v:0.##} / 5"),
            "min" => t["Unit_min", v.ToString("0.#", c)],
            "days" => t["Unit_days", v.ToString("0.#", c)],
            "points" => v.ToString("0.#", c),
            "ms" => string.Create(c, $"{v:0.#} ms"),
            "$" => string.Create(c, $"${v:N0}"),
            _ => v.ToString("0.##", c),
        };
    }

    public static string StatusText(IStringLocalizer<InsightsResource> t, string status) => t[$"Status_{status}"];

    /// <summary>How a record's value reads: met or not for a share, the figure otherwise.</summary>
    public static string RecordValue(IStringLocalizer<InsightsResource> t, KpiDto kpi, double value) => kpi.Id switch
    {
        "demo-to-close" => value >= 1 ? t["Record_won"] : t["Record_lost"],
        "first-contact-resolution" or "first-response" => value >= 1 ? t["Record_met"] : t["Record_missed"],
        "nps" or "csat" => value.ToString("0", CultureInfo.CurrentCulture),
        _ => Value(t, value, kpi.Unit),
    };

    /// <summary>A group's name: a unit's name, a channel in words, a component's name as it is.</summary>
    public static string Group(IStringLocalizer<InsightsResource> t, string breakdownBy, string group, IReadOnlyDictionary<string, string> unitNames) =>
        group == "none" ? t["NoGroup"]
        : breakdownBy == "unit" ? unitNames.GetValueOrDefault(group, group)
        : breakdownBy == "channel" ? t[$"Channel_{group}"]
        : group;

    /// <summary>The trend against the previous period that has a value: up, down or unchanged, in words.</summary>
    public static string? Trend(IStringLocalizer<InsightsResource> t, KpiDto kpi)
    {
        if (kpi.Value is not { } now || kpi.Trend.Count < 2 || kpi.Trend.Take(kpi.Trend.Count - 1).LastOrDefault(p => p.Value is not null)?.Value is not { } before)
        {
            return null;
        }

        var previous = Value(t, before, kpi.Unit);
        return now > before ? t["TrendUp", previous] : now < before ? t["TrendDown", previous] : t["TrendSame"];
    }

    /// <summary>The KPI's trend over the periods with its target as a second line.</summary>
    public static ChartSpec TrendChart(IStringLocalizer<InsightsResource> t, KpiDto kpi, IReadOnlyList<(string Name, IReadOnlyList<KpiTrendPointDto> Points)> series, int width, int height)
    {
        var dates = kpi.Trend.Select(p => DateOnly.FromDateTime(p.PeriodStart)).ToList();
        List<ChartSeries> lines = [.. series.Select(s => ChartSeries.OverDates(s.Name, dates, [.. s.Points.Select(p => p.Value ?? double.NaN)], SeriesStyle.LineAndMarkers))];
        lines.Add(ChartSeries.OverDates(t["Target"], dates, [.. dates.Select(_ => kpi.Target)]));
        var name = t[$"Kpi_{kpi.Id}"];
        var last = kpi.Value is null ? t["NoData"].Value : Value(t, kpi.Value, kpi.Unit);
        var label = t["ChartLabel", name, dates[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dates[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), last, Value(t, kpi.Target, kpi.Unit)];
        return new ChartSpec(label, t["PeriodStart"], AxisFormat.Date, UnitTitle(t, kpi.Unit), AxisFormat.Number, lines, width, height);
    }

    private static string UnitTitle(IStringLocalizer<InsightsResource> t, string unit) => t[$"UnitTitle_{unit switch { "%" => "percent", "/5" => "score", "$" => "dollars", _ => unit }}"];
}
