// SLA benchmark: the deadlines of 100,000 open tickets recomputed after a calendar change (a regional holiday
// added), through the product's path (SlaClock over one precomputed WorkingTimeTable per region, built in the timed
// section) against the baseline in the same run (the same SlaClock over BusinessCalendar, a loop over days per call).
// Both must give identical deadlines. Usage: dotnet run -c Release --project bench/Nqba.SupportBench [-- --tickets 100000]
// With --import: history import throughput instead (ImportBench), e.g. -- --import --tickets 2000 --messages 10 --batch 500.
using System.Diagnostics;
using System.Globalization;
using Nqba.Server.Modules.Support;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Platform.Calendar;

if (args.Contains("--import"))
{
    return await ImportBench.RunAsync(Arg("--tickets", 2000), Arg("--messages", 10), Arg("--batch", 500));
}

var ticketCount = Arg("--tickets", 100_000);
var random = new Random(20261124);
var now = new DateTime(2026, 12, 10, 12, 0, 0, DateTimeKind.Utc);

// The four regions of the product (DESIGN.md); the change adds a holiday to Europe.
var regions = new Dictionary<string, BusinessHours>
{
    ["us-east"] = BusinessHours.Uniform("America/New_York", new TimeOnly(9, 0), new TimeOnly(18, 0), [1, 2, 3, 4, 5], [new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 25)]),
    ["us-west"] = BusinessHours.Uniform("America/Los_Angeles", new TimeOnly(9, 0), new TimeOnly(18, 0), [1, 2, 3, 4, 5], [new DateOnly(2026, 11, 26), new DateOnly(2026, 12, 25)]),
    ["europe"] = BusinessHours.Uniform("Europe/Berlin", new TimeOnly(9, 0), new TimeOnly(17, 0), [1, 2, 3, 4, 5], [new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26)]),
    ["apac"] = BusinessHours.Uniform("Asia/Tokyo", new TimeOnly(9, 0), new TimeOnly(17, 0), [1, 2, 3, 4, 5], [new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 31)]),
};
regions["europe"] = regions["europe"] with { Holidays = [.. regions["europe"].Holidays, new DateOnly(2026, 12, 11)] };
var codes = regions.Keys.ToArray();
var policies = SlaPolicy.ProductDefaults();

// Open tickets opened in the last 30 days, with histories of 1-12 events: answers, client messages, pauses.
var tickets = new (string Region, SlaTargets Targets, SlaEvent[] History)[ticketCount];
var channels = Enum.GetValues<TicketChannel>();
for (var i = 0; i < ticketCount; i++)
{
    var channel = channels[random.Next(channels.Length)];
    var priority = random.NextDouble() switch { < 0.02 => TicketPriority.Emergency, < 0.2 => TicketPriority.Urgent, < 0.6 => TicketPriority.Normal, _ => TicketPriority.Low };
    var policy = policies.Where(p => (p.Channel is null || p.Channel == channel) && (p.Priority is null || p.Priority == priority))
        .OrderByDescending(p => (p.Priority is null ? 0 : 2) + (p.Channel is null ? 0 : 1)).First();
    var at = now.AddMinutes(-random.Next(1, 30 * 24 * 60));
    var history = new List<SlaEvent> { new(at, SlaEventKind.Opened) };
    var paused = false;
    for (var e = random.Next(0, 12); e > 0 && at < now; e--)
    {
        at = at.AddMinutes(random.Next(5, 8 * 60));
        var kind = random.Next(4) switch
        {
            0 => SlaEventKind.AgentResponse,
            1 => SlaEventKind.ClientMessage,
            2 => paused ? SlaEventKind.Resumed : SlaEventKind.Paused,
            _ => SlaEventKind.AgentResponse,
        };
        paused = kind == SlaEventKind.Paused || (paused && kind != SlaEventKind.Resumed);
        history.Add(new(at, kind));
    }

    tickets[i] = (codes[random.Next(codes.Length)], new SlaTargets(policy.Name, policy.FirstResponse, policy.NextResponse, policy.Resolution, policy.AroundTheClock), [.. history]);
}

Console.WriteLine($"Instance: {ticketCount:N0} open tickets, {tickets.Average(t => t.History.Length):F1} history events each, 4 regions, {Environment.ProcessorCount} cores");

var baseline = Run("baseline: SlaClock over BusinessCalendar (day loop per call)", () => regions.ToDictionary(r => r.Key, r => (IWorkingTime)new CalendarWorkingTime(new BusinessCalendar(r.Value))));
var ours = Run("ours: SlaClock over precomputed WorkingTimeTable per region", () => regions.ToDictionary(r => r.Key, r => (IWorkingTime)WorkingTimeTable.Around(r.Value, now)));

var floor = Run("floor: SlaClock with no calendar at all (24/7), for scale", () => regions.ToDictionary(r => r.Key, r => (IWorkingTime)AroundTheClock.Instance));

var mismatches = 0;
for (var i = 0; i < ticketCount; i++)
{
    if (!baseline.Results[i].All.Select(c => (c.WarnAt, c.DueAt)).SequenceEqual(ours.Results[i].All.Select(c => (c.WarnAt, c.DueAt))))
    {
        mismatches++;
    }
}

Console.WriteLine($"deadlines identical: {ticketCount - mismatches:N0} of {ticketCount:N0}");
Console.WriteLine($"speed-up (median): {baseline.Median.TotalMilliseconds / ours.Median.TotalMilliseconds:F1}x; calendar share of the time: baseline {(baseline.Median - floor.Median).TotalMilliseconds:F0} ms, ours {(ours.Median - floor.Median).TotalMilliseconds:F0} ms");
return mismatches == 0 ? 0 : 1;

(SlaDeadlines[] Results, TimeSpan Median) Run(string name, Func<Dictionary<string, IWorkingTime>> build)
{
    var results = new SlaDeadlines[ticketCount];
    var times = new List<TimeSpan>();

    // One warm-up, then the median of 5; the tables are built inside the timed section (a calendar change rebuilds them).
    for (var round = 0; round < 6; round++)
    {
        var watch = Stopwatch.StartNew();
        var time = build();
        for (var i = 0; i < ticketCount; i++)
        {
            var (region, targets, history) = tickets[i];
            results[i] = SlaClock.Compute(history, targets, time[region], 0.8);
        }

        watch.Stop();
        if (round > 0)
        {
            times.Add(watch.Elapsed);
        }
    }

    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {times[2].TotalMilliseconds:F0} ms (min {times[0].TotalMilliseconds:F0} / max {times[^1].TotalMilliseconds:F0}) for {ticketCount:N0} tickets"));
    return (results, times[2]);
}

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
