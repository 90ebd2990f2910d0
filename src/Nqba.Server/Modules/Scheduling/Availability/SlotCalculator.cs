using NodaTime;

namespace Nqba.Server.Modules.Scheduling.Availability;

/// <summary>
/// Computes bookable start times: inside working hours (after overrides, holidays and days off), after the minimum
/// notice, within the booking window, under the per-day limit, and never within the larger of the two buffers
/// of a meeting already booked (or of a busy block) on either side. Pure: the same inputs give the same slots.
/// </summary>
internal static class SlotCalculator
{
    public static List<Interval> Compute(SpecialistSchedule schedule, SlotRules rules, Instant from, Instant to, Instant now)
    {
        var slots = new List<Interval>();
        var earliest = Instant.Max(from, now + rules.MinimumNotice);
        var latest = Instant.Min(to, now + Duration.FromDays(rules.BookingWindowDays));
        if (latest <= earliest || rules.Step <= Duration.Zero || rules.Length <= Duration.Zero)
        {
            return slots;
        }

        var maxBuffer = rules.Buffer;
        foreach (var block in schedule.Busy)
        {
            maxBuffer = Duration.Max(maxBuffer, block.Buffer);
        }

        var busy = schedule.Busy;
        var first = 0;
        // A working day may start the evening before in another zone's terms: begin one local day early.
        for (var date = earliest.InZone(schedule.Zone).Date.PlusDays(-1); date <= latest.InZone(schedule.Zone).Date; date = date.PlusDays(1))
        {
            if (schedule.WorkingInterval(date) is not { } day
                || (schedule.MeetingsPerDay.TryGetValue(date, out var booked) && booked >= rules.MaxPerDay))
            {
                continue;
            }

            for (var start = day.Start; start + rules.Length <= day.End; start += rules.Step)
            {
                var end = start + rules.Length;
                if (start < earliest || start >= latest)
                {
                    continue;
                }

                // Blocks that end (with the largest buffer) before this start can never matter again.
                while (first < busy.Count && busy[first].End + maxBuffer <= start)
                {
                    first++;
                }

                if (!Conflicts(busy, first, start, end, rules.Buffer, maxBuffer))
                {
                    slots.Add(new Interval(start, end));
                }
            }
        }

        return slots;
    }

    /// <summary>True when [start, end) comes closer to a busy block than the larger of the two buffers.</summary>
    public static bool Conflicts(IReadOnlyList<BusyBlock> busy, int first, Instant start, Instant end, Duration buffer, Duration maxBuffer)
    {
        for (var i = first; i < busy.Count; i++)
        {
            var block = busy[i];
            if (block.Start >= end + maxBuffer)
            {
                break;
            }

            var gap = Duration.Max(buffer, block.Buffer);
            if (block.Start < end + gap && start - gap < block.End)
            {
                return true;
            }
        }

        return false;
    }
}
