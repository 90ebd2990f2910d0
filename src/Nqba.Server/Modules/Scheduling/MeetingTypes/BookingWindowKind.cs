namespace Nqba.Server.Modules.Scheduling.MeetingTypes;

/// <summary>How far ahead a meeting type can be booked (Cal.com's "limit future bookings").</summary>
public enum BookingWindowKind
{
    /// <summary>Until the end of the day <c>BookingWindowDays</c> calendar days after today.</summary>
    CalendarDays,

    /// <summary>Until the end of the <c>BookingWindowDays</c>-th weekday (Monday to Friday) after today.</summary>
    BusinessDays,

    /// <summary>From <c>WindowStart</c> to <c>WindowEnd</c>, whole days.</summary>
    DateRange,
}
