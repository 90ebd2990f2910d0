namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A specialist's named weekly availability in their own time zone (Cal.com's "availability schedule"). The default
/// schedule decides their free time; a specialist with none follows their region's business calendar.
/// </summary>
internal sealed class AvailabilitySchedule
{
    public Guid Id { get; set; }

    public Guid SpecialistId { get; set; }

    public required string Name { get; set; }

    /// <summary>IANA time zone the ranges are read in, e.g. <c>America/New_York</c>.</summary>
    public required string TimeZone { get; set; }

    /// <summary>At most one schedule per specialist is the default (a filtered unique index holds it).</summary>
    public bool IsDefault { get; set; }

    /// <summary>Counts saved changes (optimistic concurrency: an edit names the version it read).</summary>
    public int Version { get; set; }

    public List<AvailabilityRange> Ranges { get; set; } = [];
}
