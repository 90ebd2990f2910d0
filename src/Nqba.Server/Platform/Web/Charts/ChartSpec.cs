namespace Nqba.Server.Platform.Web.Charts;

/// <summary>How a chart's axis labels its ticks.</summary>
public enum AxisFormat
{
    /// <summary>Plain numbers (0.##).</summary>
    Number,

    /// <summary>Fractions as percentages (0.25 → 25 %).</summary>
    Percent,

    /// <summary>Dates; the values are <see cref="DateTime.ToOADate"/> numbers (see <see cref="ChartSeries.OverDates"/>).</summary>
    Date,
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A line through the points, no markers.</summary>
    Line,

    /// <summary>A line with a marker on every point.</summary>
    LineAndMarkers,

    /// <summary>Markers only (one large marker for a single highlighted point).</summary>
    Markers,
}

/// <summary>One named series of (x, y) points.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesStyle Style = SeriesStyle.Line)
{
    /// <summary>A series over dates (the x axis must use <see cref="AxisFormat.Date"/>).</summary>
    public static ChartSeries OverDates(string name, IReadOnlyList<DateOnly> dates, IReadOnlyList<double> values, SeriesStyle style = SeriesStyle.Line) =>
        new(name, [.. dates.Select(d => d.ToDateTime(TimeOnly.MinValue).ToOADate())], values, style);
}

/// <summary>
/// A chart: what it shows in words (<see cref="Label"/>, read by screen readers and shown as the figure's caption),
/// its axes and series. Points whose y is not finite are left out (a gap, not a zero).
/// </summary>
public sealed record ChartSpec(
    string Label,
    string XTitle,
    AxisFormat XFormat,
    string YTitle,
    AxisFormat YFormat,
    IReadOnlyList<ChartSeries> Series,
    int Width = 720,
    int Height = 320);
