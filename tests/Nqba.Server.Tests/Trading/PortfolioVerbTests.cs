using System.Text.Json;
using Nqba.Server.Tests.Platform;

namespace Nqba.Server.Tests.Trading;

/// <summary><c>nqba portfolio optimize</c> as a user runs it: a price file in, weights and one JSON line out, no database.</summary>
public sealed class PortfolioVerbTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nqba-portfolio-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Optimize_MaxSharpe_PrintsTheWeightsThenJsonMatchingPyPortfolioOpt()
    {
        var path = Path.Combine(_directory, "stock_prices.csv");
        await File.WriteAllTextAsync(path, TradingFactory.DemoCsv("stock_prices.csv"));

        var (exit, stdout, stderr) = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>(), "portfolio", "optimize", "--prices", path, "--method", "max-sharpe", "--risk-free", "0.02");

        Assert.True(exit == 0, stderr);
        var lines = stdout.Trim().Split('\n');
        var report = JsonDocument.Parse(lines[^1]).RootElement;
        Assert.Equal(0.304777, report.GetProperty("return").GetDouble(), 5e-6);
        Assert.Equal(0.221656, report.GetProperty("volatility").GetDouble(), 5e-6);
        Assert.Equal(1.284771, report.GetProperty("sharpe").GetDouble(), 5e-6);
        Assert.Equal(20, report.GetProperty("weights").EnumerateObject().Count());
        Assert.Contains(lines, l => l.StartsWith("AAPL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Optimize_BadFileOrMissingTarget_ExitsTwoNamingTheProblem()
    {
        var bad = Path.Combine(_directory, "bad.csv");
        await File.WriteAllTextAsync(bad, "date,A,B\n2020-01-02,1,2\n2020-01-03,x,2\n");

        var badFile = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>(), "portfolio", "optimize", "--prices", bad, "--method", "min-volatility");
        var noTarget = await CommandLineTests.RunNqbaAsync(_directory, new Dictionary<string, string>(), "portfolio", "optimize", "--prices", bad, "--method", "efficient-risk");

        Assert.Equal(2, badFile.ExitCode);
        Assert.Contains("line 3", badFile.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, noTarget.ExitCode);
        Assert.Contains("--target", noTarget.Stderr, StringComparison.Ordinal);
    }
}
