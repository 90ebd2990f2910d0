using System.Globalization;
using Nqba.Optimization.Formats;
using Nqba.Optimization.Graphs;
using Nqba.Optimization.Solvers;

namespace Nqba.Bench;

/// <summary>Quick tuning runs: one instance, one solver, several seeds.</summary>
internal static class Probe
{
    public static void Run(string directory, string[] args)
    {
        var name = args[0];
        var solverName = args[1];
        var seconds = double.Parse(args[2], CultureInfo.InvariantCulture);
        var seeds = int.Parse(args[3], CultureInfo.InvariantCulture);
        int? sweeps = args.Length > 4 && args[4] != "-" ? int.Parse(args[4], CultureInfo.InvariantCulture) : null;
        var threads = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 1;
        var known = BestKnown.Load(directory)[name];
        using var reader = File.OpenText(Path.Combine(directory, name));
        var graph = RudyReader.Read(reader);
        var solver = SolverFactory.Create(solverName);
        var ising = new IsingModel(MaxCut.ToModel(graph));
        var hotScale = double.Parse(Environment.GetEnvironmentVariable("HOT") ?? "1", CultureInfo.InvariantCulture);
        var coldScale = double.Parse(Environment.GetEnvironmentVariable("COLD") ?? "1", CultureInfo.InvariantCulture);
        var range = new BetaRange(ising.DefaultBetaHot * hotScale, ising.DefaultBetaCold * coldScale);
        Console.WriteLine($"beta {range}");
        var hits = 0;
        var totalTime = 0.0;
        foreach (var seed in Enumerable.Range(1, seeds))
        {
            var result = MaxCut.Solve(graph, solver, new SolverOptions
            {
                TimeLimit = TimeSpan.FromSeconds(seconds),
                Target = Environment.GetEnvironmentVariable("NOTARGET") is null ? known : null,
                Seed = seed,
                Threads = threads,
                SweepsPerRestart = sweeps,
                BetaRange = range,
                MaxSweeps = Environment.GetEnvironmentVariable("MAXSWEEPS") is { } max ? long.Parse(max, CultureInfo.InvariantCulture) : null,
            });
            totalTime += result.Elapsed.TotalSeconds;
            if (result.Objective >= known)
            {
                hits++;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} seed {seed}: cut {result.Objective} (best known {known}) ttb {result.TimeToBest.TotalMilliseconds:F0} ms, elapsed {result.Elapsed.TotalMilliseconds:F0} ms, restarts {result.Restarts}, flips/s {result.Flips / result.Elapsed.TotalSeconds:E2}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hits {hits}/{seeds}, time {totalTime:F2} s, time per hit {totalTime / Math.Max(hits, 1):F3} s"));
    }
}
