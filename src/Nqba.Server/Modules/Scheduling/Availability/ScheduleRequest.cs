namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// A named availability schedule: its IANA time zone, its weekly ranges (several a day; past midnight allowed), and
/// whether it is the specialist's default (the one slots are computed from).
/// </summary>
public sealed record ScheduleRequest(string? Name, string? TimeZone, List<ScheduleRange>? Week, bool? IsDefault = null, int? Version = null);
