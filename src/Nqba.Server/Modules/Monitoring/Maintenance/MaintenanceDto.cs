namespace Nqba.Server.Modules.Monitoring.Maintenance;

public sealed record MaintenanceDto(
    Guid Id,
    string Title,
    IReadOnlyList<string> Components,
    string LocalStart,
    string TimeZone,
    int DurationMinutes,
    MaintenanceRecurrence Recurrence,
    string? RecursUntil,
    DateTime? NextStartUtc,
    DateTime? NextEndUtc,
    bool ActiveNow);
