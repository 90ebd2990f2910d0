namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>One range of a date override; a closing time at or before the opening ends on the next day.</summary>
public sealed record OverrideRange(TimeOnly? Opens, TimeOnly? Closes);
