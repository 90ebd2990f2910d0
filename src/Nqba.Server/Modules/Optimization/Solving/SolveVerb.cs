using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nqba.Optimization.Formats;
using Nqba.Optimization.Graphs;
using Nqba.Optimization.Solvers;
using Nqba.Server.Platform.Cli;
using Spectre.Console;

namespace Nqba.Server.Modules.Optimization.Solving;

/// <summary>
/// <c>nqba solve FILE</c>: solves a Max-Cut (rudy) or QUBO file and prints one JSON object as the last line of
/// stdout; a progress bar goes to stderr for runs of a second or more when stderr is a terminal.
/// </summary>
internal sealed class SolveVerb : ICliVerb
{
    private static readonly JsonSerializerOptions ReportJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string Name => "solve";

    public Command Create(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The model file: rudy (Gset Max-Cut) or qubo (docs/optimization.md)." };
        var format = new Option<string?>("--format") { Description = "rudy or qubo (default: qubo for *.qubo files, rudy otherwise)." };
        format.AcceptOnlyFromAmong("rudy", "qubo");
        var solver = new Option<string>("--solver") { Description = "auto, sa, pt, tabu or exact.", DefaultValueFactory = _ => "auto" };
        solver.AcceptOnlyFromAmong([.. SolverFactory.Names]);
        var timeLimit = new Option<string>("--time-limit") { Description = "Time budget, e.g. 500ms, 10s, 2m.", DefaultValueFactory = _ => "10s" };
        var target = new Option<double?>("--target") { Description = "Stop once this objective is reached (the cut weight for rudy files)." };
        var seed = new Option<int?>("--seed") { Description = "Random seed; the same seed and thread count give the same answer." };
        var threads = new Option<int>("--threads") { Description = "Solver threads (0 = all cores).", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo?>("--output") { Description = "Write the solution, one 0/1 per line in variable order." };
        var maxSweeps = new Option<long?>("--max-sweeps") { Description = "Stop after this many sweeps (a work limit; makes runs repeatable regardless of machine speed)." };

        var command = new Command(Name, "Solves a Max-Cut or QUBO file with the QSAI optimization engine.") { file, format, solver, timeLimit, target, seed, threads, output, maxSweeps };
        command.SetAction(async (parse, ct) =>
        {
            if (!DurationParser.TryParse(parse.GetValue(timeLimit), out var limit))
            {
                await Console.Error.WriteLineAsync($"nqba solve: --time-limit '{parse.GetValue(timeLimit)}' is not a duration (examples: 500ms, 10s, 2m).");
                return 2;
            }

            if (parse.GetValue(threads) < 0)
            {
                await Console.Error.WriteLineAsync("nqba solve: --threads must be 0 (all cores) or more.");
                return 2;
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"nqba solve: {path.FullName}: file not found.");
                return 2;
            }

            var kind = parse.GetValue(format) ?? (path.Extension.Equals(".qubo", StringComparison.OrdinalIgnoreCase) ? "qubo" : "rudy");
            var options = new SolverOptions
            {
                TimeLimit = limit,
                Target = parse.GetValue(target),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                MaxSweeps = parse.GetValue(maxSweeps),
            };
            try
            {
                using var reader = path.OpenText();
                var report = kind == "rudy"
                    ? SolveMaxCut(RudyReader.Read(reader, ct), path, parse.GetValue(solver)!, options, ct)
                    : SolveQubo(QuboFormat.Read(reader, ct), path, parse.GetValue(solver)!, options, ct);
                if (parse.GetValue(output) is { } outputFile)
                {
                    await using var writer = outputFile.CreateText();
                    SolutionFormat.Write(writer, report.Solution);
                }

                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(report.Report, ReportJson));
                return 0;
            }
            catch (ModelFormatException ex)
            {
                await Console.Error.WriteLineAsync($"nqba solve: {path.Name}: {ex.Message}");
                return 2;
            }
        });
        return command;
    }

    private static (SolveReport Report, byte[] Solution) SolveMaxCut(WeightedGraph graph, FileInfo path, string solverName, SolverOptions options, CancellationToken ct)
    {
        var solver = SolverFactory.Create(solverName);
        var result = WithProgress(options, o => MaxCut.Solve(graph, solver, o, ct));
        return (SolveReport.From(path, "rudy", graph.NodeCount, result), result.Solution);
    }

    private static (SolveReport Report, byte[] Solution) SolveQubo(QuboDocument document, FileInfo path, string solverName, SolverOptions options, CancellationToken ct)
    {
        var solver = SolverFactory.Create(solverName);
        var result = WithProgress(options, o => document.Solve(solver, o, ct));
        return (SolveReport.From(path, "qubo", document.Variables, result), result.Solution);
    }

    private static SolveResult WithProgress(SolverOptions options, Func<SolverOptions, SolveResult> solve)
    {
        if (options.TimeLimit < TimeSpan.FromSeconds(1) || Console.IsErrorRedirected)
        {
            return solve(options);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        SolveResult? result = null;
        console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn()).Start(context =>
        {
            var task = context.AddTask("solving", maxValue: options.TimeLimit.TotalMilliseconds);
            var progress = new Progress<SolverProgress>(p =>
            {
                task.Value = Math.Min(p.Elapsed.TotalMilliseconds, task.MaxValue);
                task.Description = p.BestObjective is { } best ? $"best {best.ToString("G10", CultureInfo.InvariantCulture)}" : "solving";
            });
            result = solve(options with { Progress = progress });
            task.Value = task.MaxValue;
        });
        return result!;
    }

    internal sealed record SolveReport(
        string Instance, string Format, int Variables, string Solver, int Seed, int Threads, double Objective,
        double TimeToBestMs, double ElapsedMs, long Flips, long Sweeps, bool ReachedTarget, bool ProvenOptimal)
    {
        public static SolveReport From(FileInfo path, string format, int variables, SolveResult r) =>
            new(Path.GetFileNameWithoutExtension(path.Name), format, variables, r.SolverName, r.Seed, r.Threads, r.Objective,
                Math.Round(r.TimeToBest.TotalMilliseconds, 3), Math.Round(r.Elapsed.TotalMilliseconds, 3), r.Flips, r.Sweeps, r.ReachedTarget, r.ProvenOptimal);
    }
}
