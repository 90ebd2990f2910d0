using System.Globalization;

namespace Nqba.Server.Platform.Calendar.Pages;

/// <summary>A week in one line for the calendar list: runs of days with the same hours, e.g. "Mon–Fri 09:00–12:00, 13:00–17:00 · Sat 10:00–24:00".</summary>
internal static class WeekSummary
{
    public static string Of(IReadOnlyList<WeeklyHours> week, CultureInfo culture, string closed)
    {
        var days = Enumerable.Range(1, 7).Select(d => (Day: d, Hours: Hours(week, d))).ToList();
        var parts = new List<string>();
        var start = 0;
        while (start < days.Count)
        {
            var end = start;
            while (end + 1 < days.Count && days[end + 1].Hours == days[start].Hours)
            {
                end++;
            }

            if (days[start].Hours.Length > 0)
            {
                var name = end == start ? DayName(days[start].Day, culture) : $"{DayName(days[start].Day, culture)}–{DayName(days[end].Day, culture)}";
                parts.Add($"{name} {days[start].Hours}");
            }

            start = end + 1;
        }

        return parts.Count == 0 ? closed : string.Join(" · ", parts);
    }

    /// <summary>The abbreviated weekday name of an ISO day (1 = Monday … 7 = Sunday).</summary>
    public static string DayName(int isoDay, CultureInfo culture) => culture.DateTimeFormat.AbbreviatedDayNames[isoDay % 7];

    /// <summary>The full weekday name of an ISO day.</summary>
    public static string FullDayName(int isoDay, CultureInfo culture) => culture.DateTimeFormat.DayNames[isoDay % 7];

    /// <summary>A local time as the form shows it; "until midnight" is 24:00 in the summary.</summary>
    public static string Time(TimeOnly time, bool untilMidnightAs24 = false) =>
        time == TimeOnly.MaxValue ? (untilMidnightAs24 ? "24:00" : "00:00") : time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Hours(IReadOnlyList<WeeklyHours> week, int day) =>
        string.Join(", ", week.Where(w => w.Day == day).OrderBy(w => w.Opens).Select(w => $"{Time(w.Opens)}–{Time(w.Closes, untilMidnightAs24: true)}"));
}
