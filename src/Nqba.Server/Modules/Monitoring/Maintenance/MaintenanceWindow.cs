namespace Nqba.Server.Modules.Monitoring.Maintenance;

/// <summary>Planned maintenance: local start in an IANA time zone, a duration, one-off or recurring.</summary>
internal sealed class MaintenanceWindow
{
    public Guid Id { get; set; }

    public required string Title { get; set; }

    public List<Guid> ComponentIds { get; set; } = [];

    /// <summary>Local wall-clock start (no zone: see <see cref="TimeZone"/>), stored as text <c>yyyy-MM-ddTHH:mm</c>.</summary>
    public required string LocalStart { get; set; }

    public required string TimeZone { get; set; }

    public int DurationMinutes { get; set; }

    public MaintenanceRecurrence Recurrence { get; set; }

    /// <summary>Last local date a recurring window occurs on (<c>yyyy-MM-dd</c>), or null for no end.</summary>
    public string? RecursUntil { get; set; }

    public DateTime CreatedAt { get; set; }
}
