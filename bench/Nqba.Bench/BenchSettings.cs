using System.Globalization;

namespace Nqba.Bench;

/// <summary>Command-line settings of the benchmark runner, with bounded defaults (a full run takes about 20 minutes).</summary>
internal sealed record BenchSettings
{
    public string GsetDirectory { get; init; } = DefaultGsetDirectory();

    public HashSet<string> Sections { get; init; } = ["flips", "tts", "hard", "gap"];

    public int TtsRuns { get; init; } = 10;

    public double TtsCapScale { get; init; } = 1;

    public string TtsSolver { get; init; } = "auto";

    public TimeSpan HardTime { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan FlipsTime { get; init; } = TimeSpan.FromSeconds(3);

    public IReadOnlyList<TimeSpan> GapBudgets { get; init; } = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)];

    public int BusinessSeeds { get; init; } = 5;

    public TimeSpan BusinessBudget { get; init; } = TimeSpan.FromMilliseconds(80);

    public int BatchSeeds { get; init; } = 3;

    public IReadOnlyList<TimeSpan> BatchBudgets { get; init; } = [TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    public TimeSpan BatchExactTime { get; init; } = TimeSpan.FromSeconds(60);

    public int BatchWorkers { get; init; } = 2;

    public int BatchRequests { get; init; } = 500;

    public int BatchSpecialistsPerUnit { get; init; } = 10;

    public string? Output { get; init; }

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchSettings();
        for (var k = 0; k < args.Count; k++)
        {
            var value = k + 1 < args.Count ? args[k + 1] : throw new ArgumentException($"{args[k]} needs a value");
            settings = args[k] switch
            {
                "--gset" => settings with { GsetDirectory = value },
                "--sections" => settings with { Sections = [.. value.Split(',')] },
                "--tts-runs" => settings with { TtsRuns = int.Parse(value, CultureInfo.InvariantCulture) },
                "--tts-cap-scale" => settings with { TtsCapScale = double.Parse(value, CultureInfo.InvariantCulture) },
                "--tts-solver" => settings with { TtsSolver = value },
                "--hard-time" => settings with { HardTime = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--flips-time" => settings with { FlipsTime = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--budgets" => settings with { GapBudgets = [.. value.Split(',').Select(v => TimeSpan.FromSeconds(double.Parse(v, CultureInfo.InvariantCulture)))] },
                "--seeds" => settings with { BusinessSeeds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--budget-ms" => settings with { BusinessBudget = TimeSpan.FromMilliseconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--batch-seeds" => settings with { BatchSeeds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--batch-budgets" => settings with { BatchBudgets = [.. value.Split(',').Select(v => TimeSpan.FromSeconds(double.Parse(v, CultureInfo.InvariantCulture)))] },
                "--exact-time" => settings with { BatchExactTime = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--requests" => settings with { BatchRequests = int.Parse(value, CultureInfo.InvariantCulture) },
                "--specialists-per-unit" => settings with { BatchSpecialistsPerUnit = int.Parse(value, CultureInfo.InvariantCulture) },
                "--workers" => settings with { BatchWorkers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--output" => settings with { Output = value },
                _ => throw new ArgumentException($"unknown option {args[k]}"),
            };
            k++;
        }

        return settings;
    }

    /// <summary>../shared/bench/gset relative to the repository root (the folder holding Nqba.slnx).</summary>
    private static string DefaultGsetDirectory()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nqba.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? Environment.CurrentDirectory;
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "bench", "gset"));
    }
}
