// Routing benchmark: batch routing of 1,000 leads to 60 specialists through the product's own router
// (LeadRouter.RouteBatch: fit matrix + AssignmentProblem), its total fit against the optimum CP-SAT finds with a
// generous time limit in the same run, and the single-lead fast path's latency percentiles.
// Usage: dotnet run -c Release --project bench/Nqba.RoutingBench [-- --leads 1000 --specialists 60 --cpsat-seconds 60]
using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Company;

var leadsCount = Arg("--leads", 1000);
var specialistCount = Arg("--specialists", 60);
var cpSatSeconds = Arg("--cpsat-seconds", 60);
var random = new Random(20261124);

string[] units = ["flyfox-ai", "sigma-select", "goliath-trade", "nqba-core"];
double[] unitShare = [0.35, 0.35, 0.2, 0.1];
string[] regionCodes = ["us-east", "us-west", "europe", "apac"];
string[] languages = ["en", "de", "ja", "fr", "es", "zh"];
string[] tags = ["ai-agents", "automation", "lead-generation", "crm", "portfolio", "risk", "integration", "analytics"];
var regions = new Dictionary<string, RoutingRegion>
{
    ["us-east"] = new("us-east", "US Eastern", "US", -5),
    ["us-west"] = new("us-west", "US Pacific", "US", -8),
    ["europe"] = new("europe", "Europe", "EU", 1),
    ["apac"] = new("apac", "Asia-Pacific", "APAC", 9),
};

T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
string PickUnit()
{
    var x = random.NextDouble();
    for (var i = 0; i < units.Length; i++)
    {
        if ((x -= unitShare[i]) < 0)
        {
            return units[i];
        }
    }

    return units[^1];
}

var specialists = Enumerable.Range(0, specialistCount).Select(i =>
{
    var unit = units[i < units.Length ? i : Array.IndexOf(units, PickUnit())];
    var capacity = 15 + random.Next(16);
    var info = new SpecialistInfo(Guid.NewGuid(), $"S{i}", $"s{i}@nqba.test", unit, Pick(regionCodes),
        ["en", Pick(languages)], [Pick(tags), Pick(tags)], capacity, 1 + random.Next(3));
    return new RoutingSpecialist(info, random.Next(capacity / 2), random.Next(40), 0.5 + (random.NextDouble() / 2));
}).ToList();

var leads = Enumerable.Range(0, leadsCount).Select(_ => new RoutingLead(Guid.NewGuid(), PickUnit(), random.NextDouble() < 0.6 ? "en" : Pick(languages), Pick(regionCodes),
    (LeadTier)random.Next(4), [Pick(tags)])).ToList();

var freeCapacity = specialists.Sum(s => s.FreeCapacity);
Console.WriteLine($"Instance: {leads.Count} leads, {specialists.Count} specialists, free capacity {freeCapacity}, {Environment.ProcessorCount} cores");

// Batch: warm up once, then the median of 5 runs.
var times = new List<double>();
var batch = LeadRouter.RouteBatch(leads, specialists, regions, TimeSpan.FromSeconds(5));
for (var run = 0; run < 5; run++)
{
    var clock = Stopwatch.StartNew();
    batch = LeadRouter.RouteBatch(leads, specialists, regions, TimeSpan.FromSeconds(5));
    times.Add(clock.Elapsed.TotalMilliseconds);
}

times.Sort();
var ours = batch.Routed.Sum(r => r.Fit);
Console.WriteLine($"Batch routing: median {times[2]:F1} ms (min {times[0]:F1}, max {times[^1]:F1}), method {batch.Solution.Method}, routed {batch.Routed.Count}, unrouted {batch.Unrouted.Count}, total fit {ours:F3}");

// The reference: CP-SAT on the same fit matrix (eligible pairs only), integer scores scaled by 1000.
var deficits = LeadRouter.FairShareDeficits(specialists);
var fit = LeadRouter.FitMatrix(leads, specialists, regions, deficits);
var model = new CpModel();
var x = new Dictionary<(int, int), BoolVar>();
for (var i = 0; i < leads.Count; i++)
{
    for (var a = 0; a < specialists.Count; a++)
    {
        if (fit[i, a] > LeadRouter.Ineligible)
        {
            x[(i, a)] = model.NewBoolVar($"x{i}_{a}");
        }
    }
}

for (var i = 0; i < leads.Count; i++)
{
    var row = x.Where(kv => kv.Key.Item1 == i).Select(kv => (ILiteral)kv.Value).ToList();
    if (row.Count > 0)
    {
        model.AddAtMostOne(row);
    }
}

for (var a = 0; a < specialists.Count; a++)
{
    var column = x.Where(kv => kv.Key.Item2 == a).Select(kv => (LinearExpr)kv.Value).ToList();
    if (column.Count > 0)
    {
        model.Add(LinearExpr.Sum(column) <= specialists[a].FreeCapacity);
    }
}

model.Maximize(LinearExpr.WeightedSum(x.Values, x.Keys.Select(k => (long)Math.Round(fit[k.Item1, k.Item2] * 1000))));
var solver = new CpSolver { StringParameters = FormattableString.Invariant($"max_time_in_seconds:{cpSatSeconds} num_workers:{Math.Max(1, Environment.ProcessorCount)}") };
var cpClock = Stopwatch.StartNew();
var status = solver.Solve(model);
var cpSat = x.Where(kv => solver.BooleanValue(kv.Value)).Sum(kv => fit[kv.Key.Item1, kv.Key.Item2]);
var gap = cpSat == 0 ? 0 : (cpSat - ours) / cpSat * 100;
Console.WriteLine($"CP-SAT ({cpSatSeconds} s limit): {status} in {cpClock.Elapsed.TotalSeconds:F1} s, total fit {cpSat:F3}, bound {solver.BestObjectiveBound / 1000:F3}; ours is {gap:F4} % below");

// Single lead, fast path: 20,000 calls over the 60 specialists.
var latencies = new double[20_000];
for (var n = 0; n < 2_000; n++)
{
    LeadRouter.RouteOne(leads[n % leads.Count], specialists, regions);
}

for (var n = 0; n < latencies.Length; n++)
{
    var start = Stopwatch.GetTimestamp();
    LeadRouter.RouteOne(leads[n % leads.Count], specialists, regions);
    latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
}

Array.Sort(latencies);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Single lead (fast path): p50 {latencies[latencies.Length / 2] * 1000:F1} µs, p99 {latencies[(int)(latencies.Length * 0.99)] * 1000:F1} µs, max {latencies[^1] * 1000:F1} µs"));
return 0;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
