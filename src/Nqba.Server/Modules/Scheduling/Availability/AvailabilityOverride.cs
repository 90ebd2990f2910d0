namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>A specialist's hours on one date in their region's zone, replacing the weekly hours; no hours = day off.</summary>
internal sealed class AvailabilityOverride
{
    public Guid Id { get; set; }

    public Guid SpecialistId { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly? Opens { get; set; }

    public TimeOnly? Closes { get; set; }

    public string? Note { get; set; }
}
