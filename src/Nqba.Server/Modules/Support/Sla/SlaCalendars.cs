using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Company;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// Builds (and keeps, until the calendars, team calendars or policies change) the precomputed working-time table of
/// every business calendar. A ticket's clocks follow its policy's calendar, else its team's, else its region's.
/// </summary>
internal sealed class SlaCalendars(IOptionsMonitor<SupportOptions> options, TimeProvider time)
{
    private SlaCalendarSet? _current;

    /// <summary>The fingerprint open tickets were last recomputed under on this instance.</summary>
    public string? AppliedFingerprint { get; set; }

    /// <summary>The set for tickets (teams' calendars read from <paramref name="db"/>) or, without it, for chats.</summary>
    public async Task<SlaCalendarSet> GetAsync(ICompanyDirectory company, CancellationToken cancellationToken, SupportDbContext? db = null)
    {
        var snapshot = await company.GetAsync(cancellationToken);
        var teams = db is null
            ? new Dictionary<Guid, string>()
            : await db.Teams.AsNoTracking().Where(t => t.CalendarCode != null).ToDictionaryAsync(t => t.Id, t => t.CalendarCode!, cancellationToken);
        return For(snapshot, teams);
    }

    public SlaCalendarSet For(CompanySnapshot snapshot, IReadOnlyDictionary<Guid, string> teamCalendars)
    {
        var o = options.CurrentValue;
        var fingerprint = Fingerprint(snapshot, teamCalendars, o);
        var current = _current;
        if (current?.Fingerprint == fingerprint)
        {
            return current;
        }

        var now = time.GetUtcNow().UtcDateTime;
        // A calendar without working time has nothing to measure: its tickets are measured around the clock rather
        // than left without a deadline (or failing to open).
        var tables = snapshot.Calendars.ToDictionary(
            c => c.Code,
            c => c.Hours.Week.Count == 0 ? AroundTheClock.Instance : (IWorkingTime)WorkingTimeTable.Around(c.Hours, now),
            StringComparer.Ordinal);
        var regions = snapshot.Regions.ToDictionary(r => r.Code, r => r.CalendarCode, StringComparer.Ordinal);
        current = new SlaCalendarSet(tables, regions, teamCalendars, o.DefaultRegion, [.. o.SlaPolicies], o.WarnAtShare, fingerprint);
        _current = current;
        return current;
    }

    internal static string Fingerprint(CompanySnapshot snapshot, IReadOnlyDictionary<Guid, string> teamCalendars, SupportOptions o)
    {
        var text = new StringBuilder();
        foreach (var c in snapshot.Calendars.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            var h = c.Hours;
            text.Append(CultureInfo.InvariantCulture, $"{c.Code}|{h.TimeZone}|{string.Join(',', h.Week.Select(w => $"{w.Day}:{w.Opens:O}-{w.Closes:O}"))}");
            text.Append(CultureInfo.InvariantCulture, $"|{string.Join(',', h.Holidays.Order().Select(d => d.DayNumber))}|{string.Join(',', h.YearlyHolidays.OrderBy(a => a.Month).ThenBy(a => a.Day).Select(a => $"{a.Month}-{a.Day}"))}\n");
        }

        foreach (var r in snapshot.Regions.OrderBy(r => r.Code, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Code}>{r.CalendarCode}\n");
        }

        foreach (var (team, calendar) in teamCalendars.OrderBy(t => t.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"{team}>{calendar}\n");
        }

        foreach (var p in o.SlaPolicies)
        {
            text.Append(CultureInfo.InvariantCulture, $"{p.Name}|{p.Channel}|{p.Priority}|{p.OrganizationId}|{p.Tag}|{p.SubjectPattern}|{p.FirstResponse?.Ticks}|{p.NextResponse?.Ticks}|{p.Resolution?.Ticks}|{p.AroundTheClock}|{p.Calendar}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"{o.WarnAtShare}|{o.DefaultRegion}");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
