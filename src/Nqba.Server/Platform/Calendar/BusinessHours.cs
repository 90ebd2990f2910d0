namespace Nqba.Server.Platform.Calendar;

/// <summary>A region's working hours: IANA time zone, opening and closing time, working days and holidays.</summary>
/// <param name="TimeZone">IANA id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="Opens">Local opening time.</param>
/// <param name="Closes">Local closing time (after <paramref name="Opens"/>).</param>
/// <param name="WorkingDays">ISO day numbers, 1 = Monday … 7 = Sunday.</param>
/// <param name="Holidays">Local dates the region is closed.</param>
public sealed record BusinessHours(string TimeZone, TimeOnly Opens, TimeOnly Closes, IReadOnlyCollection<int> WorkingDays, IReadOnlyCollection<DateOnly> Holidays);
