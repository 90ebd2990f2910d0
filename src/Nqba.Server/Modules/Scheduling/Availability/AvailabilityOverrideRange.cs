namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>One range of a date override; a closing time at or before the opening time ends on the next day.</summary>
internal sealed class AvailabilityOverrideRange
{
    public Guid OverrideId { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
