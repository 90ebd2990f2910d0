using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Server.Platform.Security;
using Nqba.Trading.Data;
using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;

namespace Nqba.Server.Tests.Trading;

/// <summary>Optimization, frontier and backtests over the stored demo prices, through the API.</summary>
public sealed class PortfolioApiTests(TradingFactory factory) : IClassFixture<TradingFactory>
{
    private static readonly string[] Stocks = ["GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM", "T", "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX"];

    private static readonly string[] BacktestStocks = ["AAPL", "MA", "JPM", "XOM", "PFE"];

    private static EfficientFrontier LibraryFrontier()
    {
        var prices = PriceCsv.ReadWide(new StringReader(TradingFactory.DemoCsv("stock_prices.csv"))).Value;
        return new EfficientFrontier(prices.Tickers, ExpectedReturns.MeanHistorical(prices), RiskModels.SampleCovariance(prices).Matrix);
    }

    [Theory]
    [InlineData("max-sharpe", null)]
    [InlineData("min-volatility", null)]
    [InlineData("efficient-risk", 0.19)]
    [InlineData("efficient-return", 0.25)]
    public async Task Optimize_StoredDemoPrices_MatchesTheLibraryOnTheFile(string method, double? target)
    {
        var library = LibraryFrontier();
        var expected = method switch
        {
            "max-sharpe" => library.MaxSharpe(),
            "min-volatility" => library.MinVolatility(),
            "efficient-risk" => library.EfficientRisk(target!.Value),
            _ => library.EfficientReturn(target!.Value),
        };

        var response = await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { tickers = Stocks, method, target });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected.Value.ExpectedReturn, body.GetProperty("return").GetDouble(), 1e-8);
        Assert.Equal(expected.Value.Volatility, body.GetProperty("volatility").GetDouble(), 1e-8);
        Assert.Equal(expected.Value.SharpeRatio, body.GetProperty("sharpe").GetDouble(), 1e-7);
        var weights = body.GetProperty("weights");
        for (var i = 0; i < Stocks.Length; i++)
        {
            Assert.Equal(expected.Value.Weights[i], weights.GetProperty(Stocks[i]).GetDouble(), 1e-8);
        }
    }

    [Fact]
    public async Task Optimize_MaxSharpe_AgreesWithPyPortfolioOpt()
    {
        var body = await (await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { method = "max-sharpe" })).Content.ReadFromJsonAsync<JsonElement>();

        // PyPortfolioOpt's own test of max_sharpe on this file (every stock, the benchmark left out by default).
        Assert.Equal(0.304777, body.GetProperty("return").GetDouble(), 5e-6);
        Assert.Equal(0.221656, body.GetProperty("volatility").GetDouble(), 5e-6);
        Assert.Equal(1.284771, body.GetProperty("sharpe").GetDouble(), 5e-6);
        Assert.Equal(1, body.GetProperty("weights").EnumerateObject().Sum(w => w.Value.GetDouble()), 1e-8);
        Assert.False(body.GetProperty("weights").TryGetProperty("SPY", out _));
    }

    [Fact]
    public async Task Optimize_HrpAndMaxAssets_RespectTheirShape()
    {
        var hrp = await (await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { tickers = Stocks[..8], method = "hrp" })).Content.ReadFromJsonAsync<JsonElement>();
        var sparse = await (await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { tickers = Stocks, method = "min-volatility", maxAssets = 5 })).Content.ReadFromJsonAsync<JsonElement>();
        var capped = await (await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { tickers = Stocks, method = "max-sharpe", bounds = new { lower = 0, upper = 0.1 } })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, hrp.GetProperty("weights").EnumerateObject().Sum(w => w.Value.GetDouble()), 1e-8);
        Assert.All(hrp.GetProperty("weights").EnumerateObject(), w => Assert.True(w.Value.GetDouble() > 0));
        Assert.True(sparse.GetProperty("weights").EnumerateObject().Count(w => w.Value.GetDouble() > 1e-9) <= 5, sparse.ToString());
        Assert.NotNull(sparse.GetProperty("selector").GetString());
        Assert.All(capped.GetProperty("weights").EnumerateObject(), w => Assert.True(w.Value.GetDouble() <= 0.1 + 1e-9));
    }

    [Theory]
    [InlineData("""{"method":"best"}""", "method")]
    [InlineData("""{}""", "method")]
    [InlineData("""{"method":"efficient-risk"}""", "target")]
    [InlineData("""{"method":"efficient-return","target":5}""", "target")]
    [InlineData("""{"method":"max-sharpe","bounds":{"lower":0.5,"upper":0.2}}""", "bounds")]
    [InlineData("""{"method":"max-sharpe","tickers":["AAPL","NOPE"]}""", "tickers")]
    [InlineData("""{"method":"efficient-risk","target":0.2,"maxAssets":3}""", "maxAssets")]
    [InlineData("""{"method":"max-sharpe","riskFreeRate":3}""", "riskFreeRate")]
    [InlineData("""{"method":"max-sharpe","tickers":["AAPL","MA"],"bounds":{"upper":0.3}}""", "bounds")]
    public async Task Optimize_BadInput_Is400NamingTheField(string json, string field)
    {
        var response = await factory.Trader.PostAsync("/api/trading/optimize", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Frontier_Points_RiseInReturnFromTheMinimumVolatility()
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/frontier", new { tickers = Stocks[..10], points = 8 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(8, points.Count);
        var returns = points.Select(p => p.GetProperty("return").GetDouble()).ToList();
        Assert.Equal(returns.Order(), returns);
        var volatilities = points.Select(p => p.GetProperty("volatility").GetDouble()).ToList();
        Assert.Equal(volatilities.Min(), volatilities[0], 1e-12);
    }

    [Fact]
    public async Task Backtest_IsSavedWithItsMetricsAndEquityCurve()
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/backtest", new
        {
            tickers = BacktestStocks,
            method = "min-volatility",
            rebalanceEveryDays = 63,
            lookbackDays = 126,
            from = "2016-01-01",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        var saved = await factory.Trader.GetFromJsonAsync<JsonElement>($"/api/trading/backtests/{run.GetProperty("id").GetGuid()}");
        Assert.Equal(run.GetProperty("metrics").GetProperty("sharpeRatio").GetDouble(), saved.GetProperty("metrics").GetProperty("sharpeRatio").GetDouble());
        var equity = saved.GetProperty("equity").EnumerateArray().ToList();
        // Equity is 1 on the first rebalance day, less that day's trading cost (10 bp of a full buy).
        Assert.Equal(1 - 0.001, equity[0].GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(1, equity[0].GetProperty("benchmark").GetDouble(), 12);
        Assert.True(saved.GetProperty("rebalances").GetInt32() >= 4);
        Assert.True(saved.GetProperty("benchmarkMetrics").GetProperty("annualReturn").ValueKind == JsonValueKind.Number);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Trader.GetAsync($"/api/trading/backtests/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Backtest_BadInput_Is400NamingTheField()
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/backtest", new { method = "max-sharpe", rebalanceEveryDays = 0 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rebalanceEveryDays", out _));
    }

    [Theory]
    [InlineData(NqbaRoles.Admin)]
    [InlineData(NqbaRoles.SalesRep)]
    public async Task TradingApi_StaffWhoAreNotTraders_AreForbidden(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@trading.test";
        var (_, password) = await factory.CreateUserAsync(email, role);
        var client = await factory.CreateClientForAsync(email, password, await factory.EnableTotpAsync(email));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/trading/optimize", new { method = "max-sharpe" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/trading/instruments")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/trading/instruments")).StatusCode);
    }
}
