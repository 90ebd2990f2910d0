using System.Text.Json;
using Nqba.Server.Tests.Platform;

namespace Nqba.Server.Tests.Optimization;

/// <summary><c>nqba solve</c> as a user runs it.</summary>
public sealed class SolveVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nqba-solve-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task RudyFile_PrintsTheCutWeightAsJson_AndWritesTheSolution()
    {
        // A 5-cycle with unit weights plus one chord of weight 3: the maximum cut is 6 (4 cycle edges + chord... checked by enumeration below).
        var edges = new[] { (1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 5, 1), (5, 1, 1), (1, 3, 3) };
        var path = Path.Combine(_directory, "tiny.rudy");
        await File.WriteAllLinesAsync(path, new[] { $"5 {edges.Length}" }.Concat(edges.Select(e => $"{e.Item1} {e.Item2} {e.Item3}")));
        var best = Enumerable.Range(0, 32).Max(mask => edges.Where(e => ((mask >> (e.Item1 - 1)) & 1) != ((mask >> (e.Item2 - 1)) & 1)).Sum(e => e.Item3));
        var output = Path.Combine(_directory, "solution.txt");

        var (exit, stdout, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>(), "solve", path, "--solver", "sa", "--time-limit", "300ms", "--seed", "4", "--output", output);

        Assert.True(exit == 0, stderr);
        var report = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement;
        Assert.Equal("tiny", report.GetProperty("instance").GetString());
        Assert.Equal(5, report.GetProperty("variables").GetInt32());
        Assert.Equal(4, report.GetProperty("seed").GetInt32());
        Assert.Equal(1, report.GetProperty("threads").GetInt32());
        Assert.Equal(best, report.GetProperty("objective").GetDouble());
        foreach (var field in new[] { "solver", "time_to_best_ms", "elapsed_ms", "flips" })
        {
            Assert.True(report.TryGetProperty(field, out _), field);
        }

        var sides = (await File.ReadAllLinesAsync(output)).Select(int.Parse).ToArray();
        Assert.Equal(5, sides.Length);
        Assert.Equal(best, edges.Where(e => sides[e.Item1 - 1] != sides[e.Item2 - 1]).Sum(e => e.Item3));
    }

    [Fact]
    public async Task MalformedFile_IsRejectedWithTheLineNumber()
    {
        var path = Path.Combine(_directory, "bad.rudy");
        await File.WriteAllLinesAsync(path, ["3 2", "1 2 1", "2 x 1"]);

        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>(), "solve", path);

        Assert.Equal(2, exit);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadTimeLimit_IsRejected()
    {
        var path = Path.Combine(_directory, "ok.rudy");
        await File.WriteAllLinesAsync(path, ["2 1", "1 2 1"]);

        var (exit, _, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>(), "solve", path, "--time-limit", "soon");

        Assert.Equal(2, exit);
        Assert.Contains("--time-limit", stderr, StringComparison.Ordinal);
    }
}
