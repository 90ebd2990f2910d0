using System.Diagnostics;
using System.Globalization;
using System.Text;
using Nqba.Trading;
using Nqba.Trading.Data;
using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;
using Nqba.TradingBench;

// Portfolio optimization benchmark: efficient frontiers, solver accuracy, cardinality selection (docs/benchmarks.md).
const int FrontierPoints = 50;
const int Seed = 42;
var culture = CultureInfo.InvariantCulture;
var output = args.Length == 2 && args[0] == "--output" ? args[1] : null;
var report = new StringBuilder();
void Line(string text)
{
    report.AppendLine(text);
    Console.WriteLine(text);
}

using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Data", "stock_prices.csv"));
var stocks = PriceCsv.ReadWide(reader).Value;
var realMu = ExpectedReturns.MeanHistorical(stocks);
var realSigma = RiskModels.SampleCovariance(stocks).Matrix;

// Warm-up: loads the OR-Tools native library and JITs the paths measured below.
_ = new EfficientFrontier(stocks.Tickers, realMu, realSigma).Frontier(3);

Line("### Efficient frontier (50 points)");
Line(string.Empty);
Line("| universe | points | total | per point | refined by KKT | max violation | min-vol PDLP-only volatility error |");
Line("|---|---:|---:|---:|---:|---:|---:|");
Frontier("20 stocks (PyPortfolioOpt data)", stocks.Tickers, realMu, realSigma);
var (synthTickers, synthMu, synthSigma) = SyntheticMarket.Create(500, Seed);
Frontier("500 assets (5-factor model, seed 42)", synthTickers, synthMu, synthSigma);

Line(string.Empty);
Line("### Single optimizations");
Line(string.Empty);
Line("| universe | method | time | solver | refined by KKT | volatility | Sharpe |");
Line("|---|---|---:|---|---|---:|---:|");
foreach (var (label, tickers, mu, sigma) in new[] { ("20 stocks", stocks.Tickers, realMu, realSigma), ("500 assets", (IReadOnlyList<string>)synthTickers, synthMu, synthSigma) })
{
    var optimizer = new EfficientFrontier(tickers, mu, sigma);
    var minimum = optimizer.MinVolatility().Value;
    var top = optimizer.MaxReturn()!.Value;
    foreach (var (method, run) in new (string, Func<TradingResult<Portfolio>>)[]
    {
        ("min volatility", () => optimizer.MinVolatility()),
        ("max Sharpe", () => optimizer.MaxSharpe()),
        ("efficient risk (1.2 × min σ)", () => optimizer.EfficientRisk(1.2 * minimum.Volatility)),
        ("efficient return (midpoint)", () => optimizer.EfficientReturn((minimum.ExpectedReturn + top) / 2)),
    })
    {
        var clock = Stopwatch.StartNew();
        var portfolio = run().Value;
        Line($"| {label} | {method} | {Ms(clock.Elapsed)} | {portfolio.Solve!.Solver} | {(portfolio.Solve.Refined ? "yes" : "no")} | {portfolio.Volatility.ToString("F6", culture)} | {portfolio.SharpeRatio.ToString("F6", culture)} |");
    }
}

Line(string.Empty);
Line("### Solver backends on minimum volatility (before the KKT refinement)");
Line(string.Empty);
Line("| universe | backend | time | volatility error vs refined optimum | max violation |");
Line("|---|---|---:|---:|---:|");
foreach (var (label, tickers, mu, sigma) in new[] { ("20 stocks", stocks.Tickers, realMu, realSigma), ("500 assets", (IReadOnlyList<string>)synthTickers, synthMu, synthSigma) })
{
    var optimum = new EfficientFrontier(tickers, mu, sigma).MinVolatility().Value;
    foreach (var scip in new[] { false, true })
    {
        var n = tickers.Count;
        var program = new QuadraticProgram(sigma, new double[n], new double[n], [.. Enumerable.Repeat(1.0, n)], [new LinearRow([.. Enumerable.Repeat(1.0, n)], 1, 1, "budget")]);
        var clock = Stopwatch.StartNew();
        var start = OrToolsBackend.Solve(program, scip)!;
        var elapsed = clock.Elapsed;
        Line($"| {label} | {(scip ? "SCIP" : "PDLP")} | {Ms(elapsed)} | {Math.Abs(Math.Sqrt(program.Variance(start)) - optimum.Volatility).ToString("E1", culture)} | {program.MaxViolation(start).ToString("E1", culture)} |");
    }
}

Line(string.Empty);
Line("### Cardinality: QSAI selection vs exhaustive search (20 stocks, real data)");
Line(string.Empty);
Line("| objective | K | QSAI objective | QSAI time | best (exhaustive) | subsets | exhaustive time | gap |");
Line("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (objective, k) in new[] { (CardinalityObjective.MinVolatility, 3), (CardinalityObjective.MaxSharpe, 3), (CardinalityObjective.MinVolatility, 5), (CardinalityObjective.MaxSharpe, 5) })
{
    var options = new CardinalityOptions { Count = k, Objective = objective, SelectionTime = TimeSpan.FromSeconds(1), Seed = Seed };
    var qsai = CardinalityOptimizer.Optimize(stocks.Tickers, realMu, realSigma, options).Value;
    var best = CardinalityOptimizer.Exhaustive(stocks.Tickers, realMu, realSigma, options).Value;
    Line($"| {Name(objective)} | {k} | {Show(qsai.Objective, objective)} | {Ms(qsai.Elapsed)} | {Show(best.Objective, objective)} | {best.SubsetsSolved:N0} | {Seconds(best.Elapsed)} | {Gap(qsai.Objective, best.Objective)} |");
}

Line(string.Empty);
Line("### Cardinality: K = 10 of 100 assets (5-factor model, seed 42), QSAI vs CP-SAT on the same QUBO");
Line(string.Empty);
Line("| objective | selector | selection budget | QUBO score (higher is better) | portfolio objective | total time |");
Line("|---|---|---:|---:|---:|---:|");
var (tickers100, mu100, sigma100) = SyntheticMarket.Create(100, Seed);
foreach (var objective in new[] { CardinalityObjective.MinVolatility, CardinalityObjective.MaxSharpe })
{
    foreach (var (selector, budget) in new[] { ("qsai", 1.0), ("qsai", 5.0), ("cp-sat", 5.0), ("cp-sat", 30.0) })
    {
        var options = new CardinalityOptions { Count = 10, Objective = objective, SelectionTime = TimeSpan.FromSeconds(budget), Seed = Seed };
        var result = selector == "qsai"
            ? CardinalityOptimizer.Optimize(tickers100, mu100, sigma100, options).Value
            : CardinalityOptimizer.SelectWithCpSat(tickers100, mu100, sigma100, options).Value;
        var score = result.SelectionScore ?? double.NaN;
        Line($"| {Name(objective)} | {selector} | {budget.ToString("0", culture)} s | {score.ToString("F6", culture)} | {Show(result.Objective, objective)} | {Seconds(result.Elapsed)} |");
    }
}

if (output is not null)
{
    await File.WriteAllTextAsync(output, report.ToString());
}

return 0;

void Frontier(string label, IReadOnlyList<string> tickers, double[] mu, double[,] sigma)
{
    var optimizer = new EfficientFrontier(tickers, mu, sigma);
    var clock = Stopwatch.StartNew();
    var points = optimizer.Frontier(FrontierPoints).Value;
    var elapsed = clock.Elapsed;
    var refined = points.Count(p => p.Solve?.Refined == true);
    var violation = points.Max(p => p.Solve?.MaxViolation ?? 0);
    var pdlpError = PdlpOnlyError(tickers, mu, sigma, points[0]);
    Line($"| {label} | {points.Count} | {Seconds(elapsed)} | {Ms(elapsed / points.Count)} | {refined}/{points.Count} | {violation.ToString("E1", culture)} | {pdlpError.ToString("E1", culture)} |");
}

// The volatility PDLP reaches on its own for the minimum-volatility problem, against the refined optimum.
double PdlpOnlyError(IReadOnlyList<string> tickers, double[] mu, double[,] sigma, Portfolio refined)
{
    var n = tickers.Count;
    var program = new QuadraticProgram(sigma, new double[n], new double[n], [.. Enumerable.Repeat(1.0, n)], [new LinearRow([.. Enumerable.Repeat(1.0, n)], 1, 1, "budget")]);
    var start = OrToolsBackend.Solve(program, useScip: false)!;
    var volatility = Math.Sqrt(program.Variance(start));
    return Math.Abs(volatility - refined.Volatility);
}

string Name(CardinalityObjective objective) => objective == CardinalityObjective.MinVolatility ? "min volatility" : "max Sharpe";

string Show(double value, CardinalityObjective objective) =>
    objective == CardinalityObjective.MinVolatility ? $"σ {value.ToString("F6", culture)}" : $"Sharpe {(-value).ToString("F6", culture)}";

string Gap(double found, double best) => ((found - best) / Math.Abs(best)).ToString("P3", culture);

string Ms(TimeSpan time) => $"{time.TotalMilliseconds.ToString("F1", culture)} ms";

string Seconds(TimeSpan time) => $"{time.TotalSeconds.ToString("F2", culture)} s";
