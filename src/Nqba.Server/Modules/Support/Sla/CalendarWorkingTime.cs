using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// Working time straight from <see cref="BusinessCalendar"/> (a loop over days per call): the reference the
/// precomputed <see cref="WorkingTimeTable"/> is tested and benchmarked against.
/// </summary>
internal sealed class CalendarWorkingTime(BusinessCalendar calendar) : IWorkingTime
{
    public TimeSpan Between(DateTime start, DateTime end) =>
        calendar.WorkingTimeBetween(new DateTimeOffset(start, TimeSpan.Zero), new DateTimeOffset(end, TimeSpan.Zero));

    public DateTime Add(DateTime start, TimeSpan duration) =>
        calendar.AddWorkingTime(new DateTimeOffset(start, TimeSpan.Zero), duration).UtcDateTime;
}
