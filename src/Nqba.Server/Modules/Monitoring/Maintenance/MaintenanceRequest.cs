using System.ComponentModel.DataAnnotations;

namespace Nqba.Server.Modules.Monitoring.Maintenance;

/// <summary>A maintenance window: local start (<c>yyyy-MM-ddTHH:mm</c>) in an IANA zone, a duration, a recurrence.</summary>
public sealed record MaintenanceRequest(
    [Required, StringLength(300, MinimumLength = 3)] string Title,
    [Required, MinLength(1)] IReadOnlyList<string> Components,
    [Required] string LocalStart,
    [Required] string TimeZone,
    [Range(1, 10_080)] int DurationMinutes,
    MaintenanceRecurrence Recurrence = MaintenanceRecurrence.None,
    string? RecursUntil = null);
