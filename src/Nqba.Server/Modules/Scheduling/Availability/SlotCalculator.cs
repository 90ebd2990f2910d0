using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// Computes bookable start times as Cal.com does. Each working day (after overrides, holidays and days off), less the
/// busy blocks, less the time before the minimum notice and outside the booking window, falls into free windows. Buffers
/// add up as Cal.com's do: a meeting keeps its type's before-buffer free before it and its after-buffer after it, an
/// earlier meeting keeps its own after-buffer, so between two meetings the gap is the first's after-buffer plus the
/// second's before-buffer. In every free window the grid restarts: its first start is the window's start with its
/// minutes into the hour (in the booker's time zone) rounded up to a multiple of the slot interval, then moved by the
/// type's start offset (a 09:30 opening with 60-minute slots gives 10:00, 11:00…; a meeting ending 10:20 with
/// 15-minute slots gives 10:30; with a 5-minute offset 10:35), seconds are never offered, and starts follow every
/// interval while the whole meeting fits the window and the type's booking limits hold (counted on the local date,
/// week and month of each start in the specialist's zone). Working ranges that touch are one window, so a range past
/// midnight offers slots across it. Pure: the same inputs give the same slots.
/// </summary>
internal static class SlotCalculator
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    public static List<Interval> Compute(SpecialistSchedule schedule, SlotRules rules, Instant from, Instant to, Instant now, DateTimeZone bookerZone)
    {
        var slots = new List<Interval>();
        var (opens, closes) = rules.Bounds(now, schedule.Zone);
        var earliest = Instant.Max(from, opens);
        var latest = Instant.Min(to, closes);
        if (latest <= earliest || rules.Step <= Duration.Zero || rules.Length <= Duration.Zero)
        {
            return slots;
        }

        var blocked = Blocked(schedule, rules);
        var limits = new DayLimit(Instant.MinValue, Instant.MinValue, false);
        var first = 0;
        foreach (var day in schedule.WorkingIntervals(earliest, latest))
        {
            var dayEnd = CeilingToMinute(day.End);
            if (dayEnd <= earliest)
            {
                continue;
            }

            var cursor = Instant.Max(day.Start, earliest);
            while (first < blocked.Count && blocked[first].End <= cursor)
            {
                first++;
            }

            for (var i = first; i < blocked.Count && blocked[i].Start < dayEnd; i++)
            {
                if (blocked[i].End <= cursor)
                {
                    continue;
                }

                if (blocked[i].Start > cursor)
                {
                    AddWindow(slots, schedule, cursor, blocked[i].Start, latest, rules, bookerZone, ref limits);
                }

                cursor = Instant.Max(cursor, blocked[i].End);
            }

            AddWindow(slots, schedule, cursor, dayEnd, latest, rules, bookerZone, ref limits);
        }

        return slots;
    }

    /// <summary>
    /// True when a meeting may start at <paramref name="start"/> (a whole minute): after the notice, within the booking
    /// window, entirely inside one working window, within the type's limits, and clear of every busy block and buffer. A
    /// start between the grid's starts is free when the time is; the grid only decides what is offered.
    /// </summary>
    public static bool IsFree(SpecialistSchedule schedule, SlotRules rules, Instant start, Instant now)
    {
        var end = start + rules.Length;
        var (earliest, latest) = rules.Bounds(now, schedule.Zone);
        if (start.ToUnixTimeTicks() % Minute.BclCompatibleTicks != 0 || start < earliest || start >= latest)
        {
            return false;
        }

        var inWindow = schedule.Allows(start.InZone(schedule.Zone).Date, rules)
            && schedule.WorkingIntervals(start, end).Exists(day => day.Start <= start && end <= CeilingToMinute(day.End));
        return inWindow && !Blocked(schedule, rules).Any(b => b.Start < end && start < b.End);
    }

    /// <summary>
    /// The times a meeting of the type may not overlap, by start: each busy block widened before by its own before-buffer
    /// and the type's after-buffer, and after by its own after-buffer and the type's before-buffer.
    /// </summary>
    private static List<Interval> Blocked(SpecialistSchedule schedule, SlotRules rules)
    {
        var blocked = new List<Interval>(schedule.Busy.Count);
        foreach (var block in schedule.Busy)
        {
            blocked.Add(new Interval(block.Start - block.Before - rules.AfterBuffer, block.End + block.After + rules.BeforeBuffer));
        }

        blocked.Sort((a, b) => a.Start.CompareTo(b.Start));
        return blocked;
    }

    private static void AddWindow(List<Interval> slots, SpecialistSchedule schedule, Instant windowStart, Instant windowEnd, Instant latest, SlotRules rules, DateTimeZone bookerZone, ref DayLimit limits)
    {
        // The limits are looked up once per local day of the specialist, not per slot or window (a zone lookup costs).
        var limited = rules.Limits.Any && schedule.Booked.Count > 0;
        for (var start = AlignUp(windowStart - rules.Offset, rules.Step, bookerZone) + rules.Offset; start + rules.Length <= windowEnd && start < latest; start += rules.Step)
        {
            if (limited && (start >= limits.DayEnd || start < limits.DayStart))
            {
                var date = start.InZone(schedule.Zone).Date;
                limits = new DayLimit(schedule.Zone.AtStartOfDay(date).ToInstant(), schedule.Zone.AtStartOfDay(date.PlusDays(1)).ToInstant(), !schedule.Allows(date, rules));
            }

            if (!limited || !limits.Full)
            {
                slots.Add(new Interval(start, start + rules.Length));
            }
        }
    }

    /// <summary>The specialist's local day last looked up, and whether the type's limits close it.</summary>
    private readonly record struct DayLimit(Instant DayStart, Instant DayEnd, bool Full);

    /// <summary>
    /// Cal.com's rounding: the start of the hour (in the booker's zone) of <paramref name="instant"/> plus the minutes
    /// into that hour rounded up to a whole number of intervals (09:30 with 60 minutes gives 10:00; 10:20 with 15
    /// gives 10:30; 10:00 with 90 stays 10:00). Seconds always round up to the next whole minute.
    /// </summary>
    private static Instant AlignUp(Instant instant, Duration interval, DateTimeZone zone)
    {
        var local = instant.InZone(zone);
        var hour = instant - (Duration.FromMinutes(local.Minute) + Duration.FromTicks(local.TickOfSecond) + Duration.FromSeconds(local.Second));
        var ticks = interval.BclCompatibleTicks;
        var steps = ((instant - hour).BclCompatibleTicks + ticks - 1) / ticks;
        return hour + Duration.FromTicks(steps * ticks);
    }

    /// <summary>An end with seconds (a window to 20:59:59) counts to the next whole minute (21:00).</summary>
    private static Instant CeilingToMinute(Instant instant)
    {
        var remainder = instant.ToUnixTimeTicks() % Minute.BclCompatibleTicks;
        return remainder == 0 ? instant : instant + Duration.FromTicks(Minute.BclCompatibleTicks - remainder);
    }
}
