using System.Globalization;
using System.Text;
using Nqba.Optimization.Graphs;
using Nqba.Optimization.Solvers;

namespace Nqba.Bench;

/// <summary>
/// Gset Max-Cut benchmark: flips per second, time to the best-known cut with 99 % probability, the hard
/// instances with two threads, and the gap to best-known at fixed budgets against CP-SAT given the same time.
/// </summary>
internal sealed class GsetBenchmark(string directory, BenchSettings settings)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] All = ["G1", "G6", "G11", "G14", "G18", "G22", "G43", "G55"];
    private readonly Dictionary<string, double> _bestKnown = BestKnown.Load(directory);
    private readonly Dictionary<string, GsetInstance> _instances = new(StringComparer.OrdinalIgnoreCase);

    public string Run()
    {
        var report = new StringBuilder();
        var sections = settings.Sections;
        if (sections.Contains("flips"))
        {
            Throughput(report);
        }

        if (sections.Contains("tts"))
        {
            TimeToSolution(report);
        }

        if (sections.Contains("hard"))
        {
            Hard(report);
        }

        if (sections.Contains("gap"))
        {
            Gap(report);
        }

        return report.ToString();
    }

    private GsetInstance Instance(string name)
    {
        if (!_instances.TryGetValue(name, out var instance))
        {
            instance = GsetInstance.Load(directory, name, _bestKnown);
            _instances[name] = instance;
        }

        return instance;
    }

    private void Throughput(StringBuilder report)
    {
        Log("flips per second");
        report.AppendLine("### Attempted spin flips per second (sa, 1 thread, 1,000-sweep anneals, no target)").AppendLine();
        report.AppendLine("| instance | beta range | seconds | attempted flips | flips/s | target | met |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var name in new[] { "G1", "G22" })
        {
            var instance = Instance(name);
            var ising = new IsingModel(MaxCut.ToModel(instance.Graph));
            var schedules = new (string Label, BetaRange? Range)[]
            {
                ("default (typical flip 1/8 → smallest 1 %)", null),
                ("D-Wave style (largest flip 1/2 → smallest 1 %)", new BetaRange(Math.Log(2) / ising.MaxDelta, ising.DefaultBetaCold)),
            };
            foreach (var (label, range) in schedules)
            {
                var warmup = new SolverOptions { TimeLimit = TimeSpan.FromSeconds(0.5), Seed = 99, BetaRange = range };
                MaxCut.Solve(instance.Graph, SolverFactory.Create("sa"), warmup);
                var result = MaxCut.Solve(instance.Graph, SolverFactory.Create("sa"), new SolverOptions { TimeLimit = settings.FlipsTime, Seed = 1, SweepsPerRestart = 1000, BetaRange = range });
                var rate = result.Flips / result.Elapsed.TotalSeconds;
                report.AppendLine(Invariant, $"| {name} | {label} | {result.Elapsed.TotalSeconds:F1} | {result.Flips:E3} | {rate:E2} | ≥ 1e8 | {(rate >= 1e8 ? "yes" : "no")} |");
            }
        }

        report.AppendLine();
    }

    private void TimeToSolution(StringBuilder report)
    {
        report.AppendLine(Invariant, $"### Time to best-known with 99 % probability ({settings.TtsSolver}, 1 thread, {settings.TtsRuns} runs with seeds 1..{settings.TtsRuns})").AppendLine();
        report.AppendLine("| instance | best known | runs reaching it | cap per run (s) | median time to target (s) | TTS99 (s) | D-Wave SA TTS99 (s) | target (s) | met |");
        report.AppendLine("|---|---|---|---|---|---|---|---|---|");
        var reference = new Dictionary<string, (double DWave, double Target, double Cap)>
        {
            ["G1"] = (0.56, 0.25, settings.TtsCapScale * 2),
            ["G43"] = (1.9, 1, settings.TtsCapScale * 5),
            ["G11"] = (4, 2, settings.TtsCapScale * 8),
            ["G22"] = (80, 40, settings.TtsCapScale * 45),
        };
        foreach (var (name, (dwave, target, cap)) in reference)
        {
            Log($"TTS99 {name}");
            var instance = Instance(name);
            var times = new List<double>();
            for (var seed = 1; seed <= settings.TtsRuns; seed++)
            {
                var result = MaxCut.Solve(instance.Graph, SolverFactory.Create(settings.TtsSolver), new SolverOptions
                {
                    TimeLimit = TimeSpan.FromSeconds(cap),
                    Target = instance.BestKnown,
                    Seed = seed,
                });
                times.Add(result.Objective >= instance.BestKnown ? result.TimeToBest.TotalSeconds : double.PositiveInfinity);
            }

            var tts = Tts99(times, cap);
            var hits = times.Count(double.IsFinite);
            var sorted = times.Order().ToArray();
            var median = sorted[sorted.Length / 2];
            report.AppendLine(Invariant,
                $"| {name} | {instance.BestKnown} | {hits}/{times.Count} | {cap:F0} | {(double.IsFinite(median) ? median.ToString("F3", Invariant) : "> cap")} | {(double.IsFinite(tts) ? tts.ToString("F3", Invariant) : "n/a")} | {dwave} | ≤ {target} | {(tts <= target ? "yes" : "no")} |");
        }

        report.AppendLine().AppendLine("TTS99 = min over t of t · ln(0.01) / ln(1 − p(t)), p(t) = fraction of runs that reached the best-known cut within t (t = 1 run when p(t) ≥ 0.99).").AppendLine();
    }

    /// <summary>The standard time-to-solution estimate, minimized over the cut-off t (taken at each observed success time).</summary>
    internal static double Tts99(IReadOnlyList<double> timesToTarget, double cap)
    {
        var best = double.PositiveInfinity;
        foreach (var t in timesToTarget.Where(double.IsFinite).Append(cap))
        {
            var p = timesToTarget.Count(x => x <= t) / (double)timesToTarget.Count;
            if (p <= 0)
            {
                continue;
            }

            var tts = p >= 0.99 ? t : t * Math.Log(0.01) / Math.Log(1 - p);
            best = Math.Min(best, Math.Max(tts, 1e-6));
        }

        return best;
    }

    private void Hard(StringBuilder report)
    {
        report.AppendLine(Invariant, $"### Hard instances: auto, 2 threads, {settings.HardTime.TotalSeconds:F0} s, seed 1").AppendLine();
        report.AppendLine("| instance | best known | cut found | time to best (s) | D-Wave SA | met |").AppendLine("|---|---|---|---|---|---|");
        foreach (var (name, dwave) in new[] { ("G14", "stalls at 3061"), ("G55", "stalls at 10292") })
        {
            Log($"hard {name}");
            var instance = Instance(name);
            var result = MaxCut.Solve(instance.Graph, SolverFactory.Create("auto"), new SolverOptions
            {
                TimeLimit = settings.HardTime,
                Target = instance.BestKnown,
                Seed = 1,
                Threads = 2,
            });
            report.AppendLine(Invariant,
                $"| {name} | {instance.BestKnown} | {result.Objective} | {result.TimeToBest.TotalSeconds:F1} | {dwave} | {(result.Objective >= instance.BestKnown ? "yes" : "no")} |");
        }

        report.AppendLine();
    }

    private void Gap(StringBuilder report)
    {
        foreach (var budget in settings.GapBudgets)
        {
            report.AppendLine(Invariant, $"### Gap to best-known at {budget.TotalSeconds:G} s: auto (1 thread, seed 1) vs CP-SAT (1 worker), same run").AppendLine();
            report.AppendLine("| instance | best known | auto cut | auto gap | CP-SAT cut | CP-SAT gap |").AppendLine("|---|---|---|---|---|---|");
            double sumOurs = 0, sumCpSat = 0;
            var wins = 0;
            foreach (var name in All)
            {
                Log($"gap {name} {budget.TotalSeconds:G}s");
                var instance = Instance(name);
                var ours = MaxCut.Solve(instance.Graph, SolverFactory.Create("auto"), new SolverOptions { TimeLimit = budget, Seed = 1 }).Objective;
                var cpSat = CpSatMaxCut.Solve(instance.Graph, budget, 1);
                double gapOurs = Gap(instance.BestKnown, ours), gapCpSat = Gap(instance.BestKnown, cpSat);
                sumOurs += gapOurs;
                sumCpSat += gapCpSat;
                wins += gapOurs < gapCpSat ? 1 : 0;
                report.AppendLine(Invariant, $"| {name} | {instance.BestKnown} | {ours} | {gapOurs:P3} | {cpSat} | {gapCpSat:P3} |");
            }

            report.AppendLine(Invariant, $"| **mean** | | | **{sumOurs / All.Length:P3}** | | **{sumCpSat / All.Length:P3}** |").AppendLine();
            report.AppendLine(Invariant, $"auto has the smaller gap on {wins} of {All.Length} instances.").AppendLine();
        }
    }

    private static double Gap(double bestKnown, double cut) => double.IsNaN(cut) ? 1.0 : (bestKnown - cut) / bestKnown;

    private static void Log(string message) => Console.Error.WriteLine($"[{TimeProvider.System.GetUtcNow():HH:mm:ss}] {message}");
}
