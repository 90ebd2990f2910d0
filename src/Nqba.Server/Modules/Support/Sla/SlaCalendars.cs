using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Company;
using RegionInfo = Nqba.Server.Platform.Company.RegionInfo;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// Builds (and keeps, until the calendars or policies change) the precomputed working-time table of every region.
/// </summary>
internal sealed class SlaCalendars(IOptionsMonitor<SupportOptions> options, TimeProvider time)
{
    private SlaCalendarSet? _current;

    /// <summary>The fingerprint open tickets were last recomputed under on this instance.</summary>
    public string? AppliedFingerprint { get; set; }

    public async Task<SlaCalendarSet> GetAsync(ICompanyDirectory company, CancellationToken cancellationToken)
    {
        var snapshot = await company.GetAsync(cancellationToken);
        return For(snapshot.Regions);
    }

    public SlaCalendarSet For(IReadOnlyList<RegionInfo> regions)
    {
        var o = options.CurrentValue;
        var fingerprint = Fingerprint(regions, o);
        var current = _current;
        if (current?.Fingerprint == fingerprint)
        {
            return current;
        }

        var now = time.GetUtcNow().UtcDateTime;
        // A region without working days has no business time to measure: its tickets are measured around the
        // clock rather than left without a deadline (or failing to open).
        var tables = regions.ToDictionary(
            r => r.Code,
            r => r.Hours.WorkingDays.Count == 0 ? AroundTheClock.Instance : (IWorkingTime)WorkingTimeTable.Around(r.Hours, now),
            StringComparer.Ordinal);
        current = new SlaCalendarSet(tables, o.DefaultRegion, [.. o.SlaPolicies], o.WarnAtShare, fingerprint);
        _current = current;
        return current;
    }

    internal static string Fingerprint(IReadOnlyList<RegionInfo> regions, SupportOptions o)
    {
        var text = new StringBuilder();
        foreach (var r in regions.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            var h = r.Hours;
            text.Append(CultureInfo.InvariantCulture, $"{r.Code}|{h.TimeZone}|{h.Opens:O}|{h.Closes:O}|{string.Join(',', h.WorkingDays.Order())}|{string.Join(',', h.Holidays.Order().Select(d => d.DayNumber))}\n");
        }

        foreach (var p in o.SlaPolicies)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Name}|{p.Channel}|{p.Priority}|{p.OrganizationId}|{p.Tag}|{p.SubjectPattern}|{p.FirstResponse?.Ticks}|{p.NextResponse?.Ticks}|{p.Resolution?.Ticks}|{p.AroundTheClock}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{o.WarnAtShare}|{o.DefaultRegion}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
