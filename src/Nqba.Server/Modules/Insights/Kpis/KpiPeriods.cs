namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>Period arithmetic and the API names of <see cref="KpiPeriod"/> (week, month, quarter).</summary>
internal static class KpiPeriods
{
    public const string Names = "week, month, quarter";

    public static string Id(KpiPeriod period) => period.ToString().ToLowerInvariant();

    public static KpiPeriod? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "month" => KpiPeriod.Month,
        "week" => KpiPeriod.Week,
        "quarter" => KpiPeriod.Quarter,
        _ => null,
    };

    /// <summary>The start of the period that holds <paramref name="at"/>.</summary>
    public static DateTime StartOf(KpiPeriod period, DateTime at)
    {
        var day = at.Date;
        return period switch
        {
            KpiPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
            KpiPeriod.Month => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc),
            _ => new DateTime(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
    }

    /// <summary>The start of the period <paramref name="count"/> periods after the one starting at <paramref name="start"/> (negative: before).</summary>
    public static DateTime Add(KpiPeriod period, DateTime start, int count) => period switch
    {
        KpiPeriod.Week => start.AddDays(7 * count),
        KpiPeriod.Month => start.AddMonths(count),
        _ => start.AddMonths(3 * count),
    };
}
