using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Insights.Kpis;

/// <summary>
/// The events one computation reads, loaded once (by type and time range) and shared by every calculator, with the
/// client organization → business unit map the events give (a lead's routing, a deal's win; the latest wins).
/// </summary>
internal sealed class KpiEventSet
{
    private readonly Dictionary<Type, List<IDomainEvent>> _events;
    private Dictionary<Guid, string>? _organizationUnits;

    public KpiEventSet(IEnumerable<IDomainEvent> events)
    {
        _events = events.GroupBy(e => e.GetType()).ToDictionary(g => g.Key, g => g.ToList());
    }

    public IEnumerable<T> Of<T>()
        where T : IDomainEvent =>
        _events.TryGetValue(typeof(T), out var list) ? list.Cast<T>() : [];

    /// <summary>The business unit of a client organization, from its routed leads and won deals; null when none is known.</summary>
    public string? UnitOf(Guid? organizationId)
    {
        _organizationUnits ??= Of<LeadRouted>().Select(r => (r.OrganizationId, UnitCode: (string?)r.UnitCode, At: r.RoutedAt))
            .Concat(Of<DealWon>().Select(w => (w.OrganizationId, w.UnitCode, w.At)))
            .Where(x => x.OrganizationId is not null && !string.IsNullOrEmpty(x.UnitCode))
            .GroupBy(x => x.OrganizationId!.Value)
            .ToDictionary(g => g.Key, g => g.MaxBy(x => x.At).UnitCode!);
        return organizationId is { } id ? _organizationUnits.GetValueOrDefault(id) : null;
    }
}
