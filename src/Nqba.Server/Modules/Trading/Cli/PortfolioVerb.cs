using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Nqba.Server.Modules.Trading.Portfolios;
using Nqba.Server.Platform.Cli;
using Nqba.Trading.Data;

namespace Nqba.Server.Modules.Trading.Cli;

/// <summary>
/// <c>nqba portfolio optimize --prices FILE --method …</c>: optimizes over a wide price CSV (no database), prints the
/// weights one per line and, last, one JSON line with <c>return</c>, <c>volatility</c>, <c>sharpe</c> and <c>weights</c>.
/// </summary>
internal sealed class PortfolioVerb : ICliVerb
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    public string Name => "portfolio";

    public Command Create(IServiceProvider services)
    {
        var prices = new Option<FileInfo>("--prices") { Description = "A wide price CSV: a date column, then one column per ticker.", Required = true };
        var method = new Option<string>("--method") { Description = "max-sharpe, min-volatility, efficient-risk or efficient-return.", Required = true };
        method.AcceptOnlyFromAmong([.. OptimizationMethods.MeanVariance]);
        var riskFree = new Option<double?>("--risk-free") { Description = "The annual risk-free rate (default 0.02)." };
        var target = new Option<double?>("--target") { Description = "The target annual volatility (efficient-risk) or return (efficient-return)." };

        var optimize = new Command("optimize", "Optimizes a long-only portfolio over a price file and prints its weights, return, volatility and Sharpe ratio.") { prices, method, riskFree, target };
        optimize.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(prices)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"nqba portfolio optimize: {file.FullName}: file not found.");
                return 2;
            }

            var request = new OptimizeRequest(null, parse.GetValue(method), parse.GetValue(riskFree), parse.GetValue(target));
            var errors = PortfolioMath.Validate(request);
            if (errors.Count > 0)
            {
                await Console.Error.WriteLineAsync("nqba portfolio optimize: " + string.Join(" ", errors.Select(e => $"--{Option(e.Key)}: {string.Join(" ", e.Value)}")));
                return 2;
            }

            PriceTable table;
            using (var reader = file.OpenText())
            {
                var parsed = PriceCsv.ReadWide(reader);
                if (!parsed.IsSuccess)
                {
                    await Console.Error.WriteLineAsync($"nqba portfolio optimize: {file.Name}: {parsed.Error.Message}");
                    return 2;
                }

                table = parsed.Value;
            }

            var result = PortfolioMath.Optimize(table, request);
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync($"nqba portfolio optimize: {result.Error.Detail}");
                return 1;
            }

            var p = result.Value;
            var width = p.Weights.Keys.Max(k => k.Length);
            foreach (var (ticker, weight) in p.Weights.OrderByDescending(w => w.Value))
            {
                await Console.Out.WriteLineAsync($"{ticker.PadRight(width)}  {weight.ToString("P2", CultureInfo.InvariantCulture),9}");
            }

            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"expected return {p.Return:P2}, volatility {p.Volatility:P2}, Sharpe {p.Sharpe:F3}"));
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { @return = p.Return, volatility = p.Volatility, sharpe = p.Sharpe, weights = p.Weights }, ReportJson));
            return 0;
        });

        var portfolio = new Command(Name, "Goliath Trade portfolio tools.");
        portfolio.Subcommands.Add(optimize);
        return portfolio;
    }

    private static string Option(string field) => field switch
    {
        "riskFreeRate" => "risk-free",
        _ => field,
    };
}
