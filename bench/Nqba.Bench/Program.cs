using Nqba.Bench;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    await Console.Error.WriteLineAsync("""
        usage: Nqba.Bench gset     [--gset DIR] [--sections flips,tts,hard,gap] [--tts-runs N] [--tts-cap-scale X]
                                   [--tts-solver sa|auto] [--hard-time S] [--budgets 1,10] [--output FILE]
               Nqba.Bench business [--seeds N] [--budget-ms MS] [--output FILE]
               Nqba.Bench batch    [--batch-seeds N] [--batch-budgets 0.1,1,5] [--exact-time S] [--workers N]
                                   [--requests 500] [--specialists-per-unit 10] [--output FILE]
               Nqba.Bench probe    INSTANCE SOLVER SECONDS SEEDS [SWEEPS [THREADS]]   (tuning)
               Nqba.Bench kernel   INSTANCE SWEEPS                                   (raw kernel speed)
        """);
    return 2;
}

var settings = BenchSettings.Parse(args[0] is "gset" or "business" or "batch" ? args[1..] : []);
string? report = null;
switch (args[0])
{
    case "gset":
        report = new GsetBenchmark(settings.GsetDirectory, settings).Run();
        break;
    case "business":
        report = new BusinessBenchmark(settings).Run();
        break;
    case "batch":
        report = new BatchBenchmark(settings).Run();
        break;
    case "kernel":
        KernelProbe.Run(settings.GsetDirectory, args[1..]);
        return 0;
    case "assign-timing":
        {
            var problem = BusinessBenchmark.RandomAssignment(100, 10, 12, 1);
            for (var k = 0; k < 3; k++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var model = problem.ToConstrainedModel();
                var built = clock.Elapsed.TotalMilliseconds;
                var raw = Nqba.Optimization.Solvers.SolverFactory.Create(args[1]).Solve(model.Model, new Nqba.Optimization.Solvers.SolverOptions { TimeLimit = TimeSpan.FromMilliseconds(double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)), Seed = k, SweepsPerRestart = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : null });
                var solved = clock.Elapsed.TotalMilliseconds;
                var repaired = model.Repair(raw.Solution);
                await Console.Out.WriteLineAsync($"build {built:F1} ms, solve {solved - built:F1} ms, repair {clock.Elapsed.TotalMilliseconds - solved:F1} ms, couplings {model.Model.InteractionCount}, vars {model.Model.VariableCount}, raw feasible {model.IsFeasible(raw.Solution)} obj {-model.EvaluateObjective(raw.Solution):F2}, repaired {-model.EvaluateObjective(repaired):F2} restarts {raw.Restarts} P {model.PenaltyWeight}");
            }

            return 0;
        }

    case "probe":
        Probe.Run(settings.GsetDirectory, args[1..]);
        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown verb '{args[0]}'");
        return 2;
}

await Console.Out.WriteLineAsync(report);
if (settings.Output is { } output)
{
    await File.WriteAllTextAsync(output, report);
}

return 0;
