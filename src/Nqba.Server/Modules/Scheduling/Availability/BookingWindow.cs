using NodaTime;
using Nqba.Server.Modules.Scheduling.MeetingTypes;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// How far ahead a meeting type can be booked, read in the specialist's zone as Cal.com reads it in the organizer's:
/// rolling calendar days end with the day <see cref="Days"/> days after today; rolling business days with the
/// <see cref="Days"/>-th weekday (Monday to Friday) after today; a date range runs from the start of its first date to
/// the end of its last.
/// </summary>
internal sealed record BookingWindow(BookingWindowKind Kind, int Days, LocalDate? First = null, LocalDate? Last = null)
{
    public static BookingWindow Rolling(int days) => new(BookingWindowKind.CalendarDays, days);

    public (Instant Opens, Instant Closes) Bounds(Instant now, DateTimeZone zone)
    {
        var today = now.InZone(zone).Date;
        switch (Kind)
        {
            case BookingWindowKind.DateRange when First is { } first && Last is { } last:
                return (zone.AtStartOfDay(first).ToInstant(), zone.AtStartOfDay(last.PlusDays(1)).ToInstant());
            case BookingWindowKind.BusinessDays:
                var date = today;
                for (var counted = 0; counted < Days;)
                {
                    date = date.PlusDays(1);
                    if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
                    {
                        counted++;
                    }
                }

                return (Instant.MinValue, zone.AtStartOfDay(date.PlusDays(1)).ToInstant());
            default:
                return (Instant.MinValue, zone.AtStartOfDay(today.PlusDays(Days + 1)).ToInstant());
        }
    }
}
