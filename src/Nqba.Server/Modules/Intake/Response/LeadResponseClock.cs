using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Modules.Intake.Response;

/// <summary>
/// The lead-response clock: business time from capture to a staff member's first touch, against the target, in a
/// region's business hours (a lead captured on Friday evening is due on Monday morning). Pure.
/// </summary>
internal static class LeadResponseClock
{
    public static ResponseClockReading Read(DateTime capturedAt, DateTime? touchedAt, DateTime now, BusinessCalendar calendar, TimeSpan target, double escalateShare)
    {
        var captured = new DateTimeOffset(DateTime.SpecifyKind(capturedAt, DateTimeKind.Utc));
        var due = calendar.AddWorkingTime(captured, target).UtcDateTime;
        var end = new DateTimeOffset(DateTime.SpecifyKind(touchedAt ?? now, DateTimeKind.Utc));
        var elapsed = calendar.WorkingTimeBetween(captured, end);
        var state = touchedAt is not null
            ? (elapsed <= target ? ResponseState.Met : ResponseState.MetLate)
            : elapsed >= target ? ResponseState.Breached
            : elapsed >= target * escalateShare ? ResponseState.AtRisk
            : ResponseState.Running;
        return new ResponseClockReading(state, elapsed, due);
    }
}
