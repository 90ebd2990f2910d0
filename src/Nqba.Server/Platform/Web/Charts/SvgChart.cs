using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Nqba.Server.Platform.Web.Charts;

/// <summary>
/// Draws a <see cref="ChartSpec"/> as an SVG document with ScottPlot, on the server: the page needs no script, the
/// chart scales with its container (a view box instead of a fixed size) and carries its label as an accessible name.
/// </summary>
public static partial class SvgChart
{
    /// <summary>The palette (WCAG AA against white for lines and text).</summary>
    private static readonly string[] Colours = ["#1d4ed8", "#b45309", "#047857", "#7c3aed", "#b91c1c", "#0f766e"];

    /// <summary>A font installed with the server's Debian packages; a browser without it falls back to its sans-serif.</summary>
    private const string Font = "DejaVu Sans";

    /// <summary>The chart as an inline <c>&lt;svg&gt;</c> element (no XML declaration), safe to embed in a page.</summary>
    public static string Render(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var plot = new Plot();
        plot.Font.Set(Font);
        for (var i = 0; i < spec.Series.Count; i++)
        {
            Add(plot, spec.Series[i], Color.FromHex(Colours[i % Colours.Length]), MaxPoints(spec), named: spec.Series.Count > 1);
        }

        plot.XLabel(spec.XTitle);
        plot.YLabel(spec.YTitle);
        if (spec.XFormat == AxisFormat.Date)
        {
            plot.Axes.DateTimeTicksBottom();
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Formatter(spec.XFormat) };
        }

        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Formatter(spec.YFormat) };
        if (spec.Series.Count > 1)
        {
            plot.ShowLegend(Alignment.UpperLeft);
        }

        var svg = plot.GetSvgXml(spec.Width, spec.Height);
        return Embeddable(svg, spec);
    }

    /// <summary>More points than two per horizontal pixel draw nothing more; a long daily series is thinned to that.</summary>
    private static int MaxPoints(ChartSpec spec) => spec.Width * 2;

    private static void Add(Plot plot, ChartSeries series, Color colour, int maxPoints, bool named)
    {
        var points = series.X.Zip(series.Y).Where(p => double.IsFinite(p.First) && double.IsFinite(p.Second)).ToArray();
        if (points.Length > maxPoints)
        {
            var step = (int)Math.Ceiling(points.Length / (double)maxPoints);
            points = [.. points.Where((_, i) => i % step == 0 || i == points.Length - 1)];
        }

        var scatter = plot.Add.Scatter(points.Select(p => p.First).ToArray(), points.Select(p => p.Second).ToArray(), colour);
        // A single series needs no legend: the axis titles and the label say what it is.
        scatter.LegendText = named ? series.Name : string.Empty;
        scatter.LineWidth = series.Style == SeriesStyle.Markers ? 0 : 2;
        scatter.MarkerSize = series.Style switch
        {
            SeriesStyle.Line => 0,
            SeriesStyle.LineAndMarkers => 5,
            _ => 11,
        };
    }

    private static Func<double, string> Formatter(AxisFormat format) => format switch
    {
        AxisFormat.Percent => v => v.ToString("0.#%", CultureInfo.CurrentCulture),
        _ => v => v.ToString("0.##", CultureInfo.CurrentCulture),
    };

    /// <summary>Drops the XML declaration and turns the fixed size into a view box with the chart's accessible name.</summary>
    private static string Embeddable(string svg, ChartSpec spec)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var body = svg[start..];
        var label = System.Net.WebUtility.HtmlEncode(spec.Label);
        var open = $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {spec.Width} {spec.Height}\" role=\"img\" aria-label=\"{label}\" preserveAspectRatio=\"xMidYMid meet\"><title>{label}</title>";
        return RootElement().Replace(body, open, 1);
    }

    [GeneratedRegex("<svg[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex RootElement();
}
