// Slot computation benchmark: one specialist (Europe/Berlin, 09–17 on weekdays, regional holidays, date overrides)
// over 30 days with 60 booked meetings and two out-of-office spans, through the product's SlotCalculator, with and
// without expanding a busy-time iCalendar feed (3 recurring events, Ical.Net) each time. The baseline in the same
// run is the same 30 days on an empty calendar.
// Usage: dotnet run -c Release --project bench/Nqba.SchedulingBench [-- --iterations 5000]
// With --import: booking history import throughput instead (BookingImportBench), e.g. -- --import --bookings 4000 --batch 1000.
using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Nqba.Server.Modules.Scheduling.Availability;
using Nqba.Server.Modules.Scheduling.Calendars;

if (args.Contains("--import"))
{
    return await BookingImportBench.RunAsync(Option("--bookings", 4000), Option("--batch", 1000));
}

var iterations = args.SkipWhile(a => a != "--iterations").Skip(1).Select(int.Parse).FirstOrDefault(5000);
var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
var now = Instant.FromUtc(2026, 12, 1, 6, 0);
var from = zone.AtStartOfDay(new LocalDate(2026, 12, 1)).ToInstant();
var to = zone.AtStartOfDay(new LocalDate(2026, 12, 31)).ToInstant();
var rules = new SlotRules("discovery-30", Duration.FromMinutes(30), Duration.FromMinutes(15), Duration.Zero, Duration.Zero, Duration.FromMinutes(15), Duration.FromHours(4),
    BookingWindow.Rolling(60), new BookingLimits(PerDay: 6));
var random = new Random(20261124);
var busy = new List<BusyBlock>();
for (var i = 0; i < 60; i++)
{
    var day = new LocalDate(2026, 12, 1).PlusDays(random.Next(30));
    var start = (day + new LocalTime(9 + random.Next(7), 15 * random.Next(4))).InZoneLeniently(zone).ToInstant();
    busy.Add(new BusyBlock(start, start + Duration.FromMinutes(30 * (1 + random.Next(3))), Duration.Zero, Duration.FromMinutes(15)));
}

busy.Add(new BusyBlock(Instant.FromUtc(2026, 12, 9, 12, 0), Instant.FromUtc(2026, 12, 10, 10, 0)));
busy.Add(new BusyBlock(Instant.FromUtc(2026, 12, 17, 8, 0), Instant.FromUtc(2026, 12, 17, 11, 0)));
busy.Sort((a, b) => a.Start.CompareTo(b.Start));
SpecialistSchedule Schedule(IReadOnlyList<BusyBlock> blocks) => new(
    Guid.NewGuid(), zone,
    SpecialistSchedule.Uniform(new DayHours(new LocalTime(9, 0), new LocalTime(17, 0)), [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday]),
    new HashSet<LocalDate> { new(2026, 12, 24), new(2026, 12, 25), new(2026, 12, 26) },
    SpecialistSchedule.SingleRanges(new Dictionary<LocalDate, DayHours?> { [new LocalDate(2026, 12, 12)] = new DayHours(new LocalTime(10, 0), new LocalTime(13, 0)), [new LocalDate(2026, 12, 18)] = null }),
    blocks,
    [.. blocks.Where(b => b.After > Duration.Zero).Select(b => new BookedMeeting("discovery-30", b.Start.InZone(zone).Date, (int)(b.End - b.Start).TotalMinutes))]);
const string Feed = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n" +
    "BEGIN:VEVENT\r\nUID:a@bench\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20261102T093000\r\nDTEND;TZID=Europe/Berlin:20261102T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR\r\nEXDATE;TZID=Europe/Berlin:20261211T093000\r\nSUMMARY:Stand-up\r\nEND:VEVENT\r\n" +
    "BEGIN:VEVENT\r\nUID:b@bench\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=America/New_York:20261103T090000\r\nDTEND;TZID=America/New_York:20261103T100000\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\nSUMMARY:US sync\r\nEND:VEVENT\r\n" +
    "BEGIN:VEVENT\r\nUID:c@bench\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Berlin:20261215T220000\r\nDTEND;TZID=Europe/Berlin:20261216T020000\r\nSUMMARY:Release night\r\nEND:VEVENT\r\n" +
    "END:VCALENDAR\r\n";

var empty = Schedule([]);
var loaded = Schedule(busy);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Slots over 30 days: empty calendar {SlotCalculator.Compute(empty, rules, from, to, now, DateTimeZone.Utc).Count}, with 60 meetings + time off {SlotCalculator.Compute(loaded, rules, from, to, now, DateTimeZone.Utc).Count}"));
Report("baseline: empty calendar", () => SlotCalculator.Compute(empty, rules, from, to, now, DateTimeZone.Utc));
Report("60 meetings + 2 out-of-office spans", () => SlotCalculator.Compute(loaded, rules, from, to, now, DateTimeZone.Utc));
// A specialist's own schedule: a morning, an afternoon after lunch and a night range past midnight on weekdays,
// four dates overridden with two ranges each, the same meetings.
var ownWeek = new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
    .ToDictionary(d => d, _ => (IReadOnlyList<DayHours>)[new(new LocalTime(8, 0), new LocalTime(12, 0)), new(new LocalTime(13, 0), new LocalTime(17, 0)), new(new LocalTime(22, 0), new LocalTime(2, 0))]);
var ownOverrides = Enumerable.Range(0, 4).ToDictionary(
    i => new LocalDate(2026, 12, 7).PlusDays(i * 5),
    _ => (IReadOnlyList<DayHours>)[new(new LocalTime(9, 0), new LocalTime(11, 0)), new(new LocalTime(15, 0), new LocalTime(18, 0))]);
var own = Schedule(busy) with { Week = ownWeek, Overrides = ownOverrides };
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Own schedule: {SlotCalculator.Compute(own, rules, from, to, now, DateTimeZone.Utc).Count} slots"));
Report("own schedule: 3 ranges a day (one past midnight), 4 two-range overrides, 60 meetings", () => SlotCalculator.Compute(own, rules, from, to, now, DateTimeZone.Utc));
// Cal.com's booking limits on the same meetings: per day, ISO week and month, in meetings and in minutes.
var limited = rules with { Limits = new BookingLimits(PerDay: 4, PerWeek: 14, PerMonth: 80, MinutesPerDay: 240, MinutesPerWeek: 900, MinutesPerMonth: 4000) };
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"With day/week/month limits: {SlotCalculator.Compute(loaded, limited, from, to, now, DateTimeZone.Utc).Count} slots"));
Report("60 meetings + limits per day/week/month (count and minutes)", () => SlotCalculator.Compute(loaded, limited, from, to, now, DateTimeZone.Utc));
Report("+ parse and expand an .ics feed (3 events, RRULE/EXDATE/TZID)", () =>
{
    var blocks = new List<BusyBlock>(busy);
    blocks.AddRange(BusyFeedReader.Busy(BusyFeedReader.TryLoad(Feed, out _)!, from, to));
    blocks.Sort((a, b) => a.Start.CompareTo(b.Start));
    return SlotCalculator.Compute(Schedule(blocks), rules, from, to, now, DateTimeZone.Utc);
});
using var feedCache = new BusyFeedCache();
Report("+ the same feed through BusyFeedCache (what a slot query does)", () =>
{
    var blocks = new List<BusyBlock>(busy);
    blocks.AddRange(feedCache.Busy(Feed, from, to));
    blocks.Sort((a, b) => a.Start.CompareTo(b.Start));
    return SlotCalculator.Compute(Schedule(blocks), rules, from, to, now, DateTimeZone.Utc);
});
return 0;

void Report(string name, Func<List<Interval>> run)
{
    // Warm up for at least 500 runs and one second, so the JIT's optimized code (installed in the background after a
    // delay) is what gets measured, whichever case runs first.
    var warm = Stopwatch.StartNew();
    for (var i = 0; i < Math.Min(500, iterations) || warm.Elapsed < TimeSpan.FromSeconds(1); i++)
    {
        run();
    }

    var samples = new double[iterations];
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        run();
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
    }

    Array.Sort(samples);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {samples[iterations / 2]:F1} µs | {samples[(int)(iterations * 0.99)]:F1} µs | {samples[^1]:F1} µs |"));
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
