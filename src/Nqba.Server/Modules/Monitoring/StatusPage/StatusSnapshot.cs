namespace Nqba.Server.Modules.Monitoring.StatusPage;

/// <summary>What the public status page and <c>GET /api/status</c> show; no internal detail (targets, messages, monitors).</summary>
public sealed record StatusSnapshot(
    DateTime At,
    ServiceState Overall,
    IReadOnlyList<StatusUnit> Units,
    IReadOnlyList<StatusIncident> ActiveIncidents,
    IReadOnlyList<StatusMaintenance> Maintenance,
    IReadOnlyList<StatusIncident> History);
