namespace Nqba.Server.Platform.Calendar;

/// <summary>One working interval on a weekday, in the calendar's local time.</summary>
/// <param name="Day">ISO day number, 1 = Monday … 7 = Sunday.</param>
/// <param name="Opens">Local start.</param>
/// <param name="Closes">Local end, after <paramref name="Opens"/> (23:59:59.9999999 means "until midnight").</param>
public sealed record WeeklyHours(int Day, TimeOnly Opens, TimeOnly Closes);
