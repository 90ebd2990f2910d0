using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>
/// A component on the status page with its last 90 days, one bar per UTC day, oldest first. A component no monitor
/// checks is <paramref name="Monitored"/> false: the page says so instead of showing bars without data.
/// </summary>
public sealed record StatusComponent(string Key, string Name, ServiceState State, double? Uptime90Days, IReadOnlyList<DailyBar> Days, bool Monitored = true);
