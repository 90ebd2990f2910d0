namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A weekly range: ISO weekday (1 = Monday … 7 = Sunday), opening and closing time in the schedule's zone; a closing
/// time at or before the opening ends on the next day (22:00–02:00), 00:00 = until midnight.
/// </summary>
public sealed record ScheduleRange(int? Day, TimeOnly? Opens, TimeOnly? Closes);
