namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A specialist's hours on one date, replacing their weekly hours that date (read in the zone of the schedule they
/// follow): several ranges, or none for "unavailable".
/// </summary>
internal sealed class AvailabilityOverride
{
    public Guid Id { get; set; }

    public Guid SpecialistId { get; set; }

    public DateOnly Date { get; set; }

    public string? Note { get; set; }

    /// <summary>Counts saved changes, so two writers of one date cannot mix their ranges.</summary>
    public int Version { get; set; }

    public List<AvailabilityOverrideRange> Ranges { get; set; } = [];
}
