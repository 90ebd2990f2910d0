namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// One weekly range of a schedule: from <see cref="Opens"/> on ISO weekday <see cref="Day"/> (1 = Monday) to
/// <see cref="Closes"/>; a closing time at or before the opening time ends on the next day (22:00–02:00 crosses
/// midnight, 09:00–00:00 runs to midnight).
/// </summary>
internal sealed class AvailabilityRange
{
    public Guid ScheduleId { get; set; }

    public int Day { get; set; }

    public TimeOnly Opens { get; set; }

    public TimeOnly Closes { get; set; }
}
