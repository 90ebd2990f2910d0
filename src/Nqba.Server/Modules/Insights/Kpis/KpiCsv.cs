using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>The KPIs as CSV (invariant culture, UTC times); a text field starting with =, +, - or @ is defused.</summary>
internal static class KpiCsv
{
    public static byte[] Write(IReadOnlyList<KpiDto> kpis, string? unit)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape, NewLine = "\n" };
        using (var csv = new CsvWriter(text, configuration))
        {
            foreach (var header in new[] { "id", "name", "unit", "business_unit", "period_start", "period_end", "value", "target", "status", "records", "formula", "unavailable" })
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var k in kpis)
            {
                csv.WriteField(k.Id);
                csv.WriteField(k.Name);
                csv.WriteField(k.Unit);
                csv.WriteField(k.PerUnit ? unit ?? "all" : "all");
                csv.WriteField(Time(k.PeriodStart));
                csv.WriteField(Time(k.PeriodEnd));
                csv.WriteField(k.Value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
                csv.WriteField(k.Target.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(k.Status);
                csv.WriteField(k.Records.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(k.Formula);
                csv.WriteField(k.Unavailable ?? string.Empty);
                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
