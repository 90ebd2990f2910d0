using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nqba.Optimization.Problems;
using Nqba.Optimization.Solvers;

namespace Nqba.Bench;

/// <summary>
/// Batch meeting scheduling, 500 requests over 40 specialists for one week: the greedy construction (baseline), the
/// local search at several budgets and the CP-SAT/local-search race, against CP-SAT's optimum or best bound.
/// </summary>
internal sealed class BatchBenchmark(BenchSettings settings)
{
    private const int Week = 7 * 24 * 60;
    private const int Units = 4;
    private const int SpecialistsPerUnit = 10;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Business hours in UTC minutes of the day for a winter week (no DST inside it): start, end (may pass midnight).</summary>
    private static readonly (string Name, int Start, int End)[] Regions =
    [
        ("US Eastern 09–18 (UTC−5)", 14 * 60, 23 * 60),
        ("US Pacific 09–18 (UTC−8)", 17 * 60, 26 * 60),
        ("Europe 09–17 (UTC+1)", 8 * 60, 16 * 60),
        ("Asia-Pacific 09–17 (UTC+9)", 0, 8 * 60),
    ];

    public string Run()
    {
        var report = new StringBuilder();
        int requests = settings.BatchRequests, perUnit = settings.BatchSpecialistsPerUnit;
        report.AppendLine(Invariant, $"### {requests} requests, {Units * perUnit} specialists ({Units} units × {perUnit}, 4 regions), one week, 15-min grid").AppendLine();
        report.AppendLine(Invariant, $"CP-SAT: {settings.BatchExactTime.TotalSeconds:G} s, {settings.BatchWorkers} workers, once from the greedy hint and once from the 5 s local search's schedule; the bound is the better of the two. Local search: 1 thread. Race (`Solve`): CP-SAT with 1 worker beside the local search, 5 s. Gap = (bound − objective) / bound.").AppendLine();
        report.AppendLine("| seed | requests placeable (weight) | greedy baseline: weight (placed, gap), ms | local search: budget → weight (placed, gap) | CP-SAT from greedy: weight (placed), s | CP-SAT from local search: weight, s | best bound | proven optimal | race 5 s | QUBO penalty model, auto annealer 5 s: weight (gap); variables / couplings |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        Warmup();
        for (var seed = 1; seed <= settings.BatchSeeds; seed++)
        {
            var problem = RealisticWeek(seed, requests, perUnit);
            var placeable = Enumerable.Range(0, problem.Requests.Count).Count(r => problem.PlacementOptions(r) > 0);

            var clock = Stopwatch.StartNew();
            var greedyChoice = new BatchLocalSearch(problem, seed).Greedy();
            var greedy = problem.ToSchedule(greedyChoice, false, problem.PlaceableWeightBound, "greedy", clock.Elapsed);

            var heuristics = settings.BatchBudgets.Select(budget => (Budget: budget, Schedule: problem.SolveHeuristic(new SolverOptions { TimeLimit = budget, Seed = seed }))).ToArray();
            var polish = heuristics.Any(h => h.Budget == TimeSpan.FromSeconds(5))
                ? heuristics.First(h => h.Budget == TimeSpan.FromSeconds(5)).Schedule
                : problem.SolveHeuristic(new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), Seed = seed });
            var exact = problem.SolveExact(settings.BatchExactTime, settings.BatchWorkers);
            var hinted = problem.SolveExact(settings.BatchExactTime, settings.BatchWorkers, polish.Placements);
            var bound = Math.Min(exact.UpperBound, hinted.UpperBound);
            var proven = exact.ProvenOptimal || hinted.ProvenOptimal;
            var raced = problem.Solve(new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), Seed = seed });
            var qubo = problem.ToConstrainedModel();
            var annealed = problem.SolveWithAnnealer(SolverFactory.Create("auto"), new SolverOptions { TimeLimit = TimeSpan.FromSeconds(5), Seed = seed });
            var all = heuristics.Select(h => h.Schedule).Append(exact).Append(hinted).Append(raced).Append(greedy).Append(annealed);
            var infeasible = all.Any(s => !s.Feasible) ? " **infeasible schedule**" : string.Empty;
            report.AppendLine(Invariant,
                $"| {seed} | {placeable} ({problem.PlaceableWeightBound:F0}) | {greedy.Objective:F0} ({greedy.Placed}, {Gap(greedy.Objective, bound):P2}), {greedy.Elapsed.TotalMilliseconds:F0} | {string.Join("; ", heuristics.Select(h => FormattableString.Invariant($"{h.Budget.TotalSeconds:G} s → {h.Schedule.Objective:F0} ({h.Schedule.Placed}, {Gap(h.Schedule.Objective, bound):P2})")))} | {exact.Objective:F0} ({exact.Placed}), {exact.Elapsed.TotalSeconds:F1} | {hinted.Objective:F0}, {hinted.Elapsed.TotalSeconds:F1} | {bound:F1} | {(proven ? "yes" : "no")} | {raced.Objective:F0} ({raced.Method}, {Gap(raced.Objective, bound):P2}) | {annealed.Objective:F0} ({Gap(annealed.Objective, bound):P2}); {qubo.Model.VariableCount:N0} / {qubo.Model.InteractionCount:N0}{infeasible} |");
        }

        report.AppendLine();
        return report.ToString();
    }

    private static double Gap(double objective, double bound) => bound <= 0 ? 0 : Math.Max(0, (bound - objective) / bound);

    private static void Warmup()
    {
        var problem = RealisticWeek(1000);
        problem.SolveHeuristic(new SolverOptions { TimeLimit = TimeSpan.FromSeconds(0.2), Seed = 1 });
        problem.SolveExact(TimeSpan.FromSeconds(0.5));
    }

    /// <summary>
    /// A week (Monday 00:00 UTC + minutes) of a company with 4 units × 10 specialists spread over the 4 regions, each
    /// working Monday–Friday in their region's hours, some with a day off and existing bookings; 500 requests from
    /// clients in the 4 regions, unit demand 35/30/20/15 %, 30/60/90-min meetings (50/30/20 %), 15-min buffers, start
    /// windows of 1–3 business days in the client's own hours (earlier days likelier), priorities 1–5 scaled by
    /// meeting type, a preferred specialist for one request in five.
    /// </summary>
    internal static BatchSchedulingProblem RealisticWeek(int seed, int requests = 500, int specialistsPerUnit = SpecialistsPerUnit)
    {
        var random = new Random(seed);
        var specialists = new List<BatchSpecialist>();
        var regionOf = new List<int>();
        for (var unit = 0; unit < Units; unit++)
        {
            for (var k = 0; k < specialistsPerUnit; k++)
            {
                var region = (k + unit) % Regions.Length;
                var dayOff = random.NextDouble() < 0.15 ? random.Next(5) : -1;
                var available = new List<MinuteInterval>();
                for (var day = 0; day < 5; day++)
                {
                    if (day != dayOff)
                    {
                        var (_, start, end) = Regions[region];
                        available.Add(new MinuteInterval((day * 1440) + start, (day * 1440) + end));
                    }
                }

                var busy = new List<MinuteInterval>();
                var existing = random.Next(10, 26);
                for (var b = 0; b < existing; b++)
                {
                    var day = available[random.Next(available.Count)];
                    var length = 30 * random.Next(1, 4);
                    var start = day.Start + (15 * random.Next(0, (day.Length - length) / 15));
                    busy.Add(new MinuteInterval(Math.Max(0, start - 15), Math.Min(Week, start + length + 15)));
                }

                specialists.Add(new BatchSpecialist(unit, available, busy));
                regionOf.Add(region);
            }
        }

        double[] unitShare = [0.35, 0.30, 0.20, 0.15];
        var list = new List<BatchMeetingRequest>();
        for (var r = 0; r < requests; r++)
        {
            var unit = Pick(random, unitShare);
            var kind = Pick(random, [0.5, 0.3, 0.2]);
            var duration = 30 * (kind + 1);
            var region = random.Next(Regions.Length);
            var (_, businessStart, businessEnd) = Regions[region];
            var hours = 60 * random.Next(3, 7);
            var hoursStart = businessStart + (30 * random.Next(0, ((businessEnd - businessStart - hours) / 30) + 1));
            var hoursEnd = hoursStart + hours;
            var firstDay = Math.Min(4, (int)(5 * Math.Pow(random.NextDouble(), 1.5)));
            var days = random.Next(1, 4);
            var windows = new List<MinuteInterval>();
            for (var day = firstDay; day < Math.Min(5, firstDay + days); day++)
            {
                windows.Add(new MinuteInterval((day * 1440) + hoursStart, Math.Min(Week, (day * 1440) + hoursEnd - duration + 1)));
            }

            var weight = random.Next(1, 6) * (1 + kind);
            int? preferred = random.NextDouble() < 0.2 ? (unit * specialistsPerUnit) + random.Next(specialistsPerUnit) : null;
            list.Add(new BatchMeetingRequest(unit, duration, windows, weight, preferred));
        }

        return new BatchSchedulingProblem(specialists, list, Week);
    }

    private static int Pick(Random random, double[] shares)
    {
        var x = random.NextDouble();
        for (var k = 0; k < shares.Length - 1; k++)
        {
            if ((x -= shares[k]) < 0)
            {
                return k;
            }
        }

        return shares.Length - 1;
    }
}
