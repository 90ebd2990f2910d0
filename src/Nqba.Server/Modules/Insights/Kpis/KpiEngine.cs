using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>
/// Computes the KPIs for a period and unit, with their trends and breakdowns. The events of the trend's periods (and
/// a look-back for the events they refer to) are read once per computation, by type and time range; the result is
/// cached per (period, start) until a new event is appended (the log's head moves) or a minute passes.
/// </summary>
internal sealed class KpiEngine(KpiCatalog catalog, KpiEventLog log, IMemoryCache cache, TimeProvider time, IOptions<InsightsOptions> options)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<KpiDto>> ComputeAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        var snapshot = await SnapshotAsync(query, cancellationToken);
        return [.. catalog.Definitions.Select(d => Dto(d, snapshot, query.Unit))];
    }

    /// <summary>One KPI with the records behind its value; null when there is no such KPI.</summary>
    public async Task<KpiRecordsDto?> RecordsAsync(string id, KpiQuery query, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } definition)
        {
            return null;
        }

        var snapshot = await SnapshotAsync(query, cancellationToken);
        var records = Current(snapshot, definition, query.Unit)
            .OrderByDescending(r => r.At).ThenBy(r => r.SubjectId)
            .Select(r => new KpiRecordDto(r.Kind, r.SubjectId, r.At, r.Unit, r.Group, r.Value, r.Detail)).ToList();
        var groupTrends = new List<KpiGroupTrendDto>();
        if (snapshot.Records.TryGetValue(definition.Id, out var periods))
        {
            var filtered = periods.Select(p => Filter(p, definition, query.Unit)).ToList();
            foreach (var group in filtered.SelectMany(p => p).Select(r => r.Group ?? "none").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                groupTrends.Add(new KpiGroupTrendDto(group, [.. snapshot.Windows.Select((w, i) =>
                    new KpiTrendPointDto(w.Start, definition.ValueOf([.. filtered[i].Where(r => string.Equals(r.Group ?? "none", group, StringComparison.Ordinal))])))]));
            }
        }

        return new KpiRecordsDto(Dto(definition, snapshot, query.Unit), groupTrends, records);
    }

    private static IReadOnlyList<KpiRecord> Filter(IReadOnlyList<KpiRecord> records, KpiDefinition definition, string? unit) =>
        unit is null || !definition.PerUnit ? records : [.. records.Where(r => string.Equals(r.Unit, unit, StringComparison.Ordinal))];

    private static IReadOnlyList<KpiRecord> Current(KpiSnapshot snapshot, KpiDefinition definition, string? unit) =>
        snapshot.Records.TryGetValue(definition.Id, out var periods) ? Filter(periods[^1], definition, unit) : [];

    private static KpiDto Dto(KpiDefinition definition, KpiSnapshot snapshot, string? unit)
    {
        var window = snapshot.Windows[^1];
        var current = Current(snapshot, definition, unit);
        var value = definition.ValueOf(current);
        List<KpiTrendPointDto> trend = snapshot.Records.TryGetValue(definition.Id, out var periods)
            ? [.. snapshot.Windows.Select((w, i) => new KpiTrendPointDto(w.Start, definition.ValueOf(Filter(periods[i], definition, unit))))]
            : [];
        var breakdown = current.GroupBy(r => r.Group ?? "none", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new KpiBreakdownDto(g.Key, definition.ValueOf([.. g]), g.Count())).ToList();
        return new KpiDto(
            definition.Id, definition.Name, definition.Unit, value, definition.Target, definition.Amber,
            definition.Direction == KpiDirection.HigherIsBetter ? "higher-is-better" : "lower-is-better",
            definition.StatusOf(value).ToString().ToLowerInvariant(), trend, definition.Formula, definition.BreakdownBy, breakdown,
            current.Count, definition.PerUnit, window.Start, window.End, definition.Unavailable);
    }

    private async Task<KpiSnapshot> SnapshotAsync(KpiQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var start = KpiPeriods.StartOf(query.Period, query.At ?? now);
        var head = await log.HeadAsync(cancellationToken);
        var key = (nameof(KpiEngine), query.Period, start, head, now.Ticks / TimeSpan.TicksPerMinute);
        if (cache.TryGetValue(key, out KpiSnapshot? cached) && cached is not null)
        {
            return cached;
        }

        var count = options.Value.TrendPeriods;
        var windows = Enumerable.Range(0, count).Reverse()
            .Select(i => KpiPeriods.Add(query.Period, start, -i))
            .Select(s => new KpiWindow(s, KpiPeriods.Add(query.Period, s, 1))).ToList();
        var from = windows[0].Start.AddDays(-options.Value.LookBackDays);
        var events = await log.LoadAsync(catalog.Calculators.SelectMany(c => c.EventTypes), from, windows[^1].End, cancellationToken);
        var records = catalog.Calculators.ToDictionary(
            c => c.Definition.Id,
            IReadOnlyList<IReadOnlyList<KpiRecord>> (c) => [.. windows.Select(w => (IReadOnlyList<KpiRecord>)[.. c.Records(events, w, now)])],
            StringComparer.Ordinal);
        var snapshot = new KpiSnapshot(windows, records);
        cache.Set(key, snapshot, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor, Size = 1 });
        return snapshot;
    }
}
