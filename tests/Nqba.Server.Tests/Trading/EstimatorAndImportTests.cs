using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nqba.Trading.Data;
using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;

namespace Nqba.Server.Tests.Trading;

/// <summary>The estimator options and the whole-share allocation through the optimize API, and OHLCV files through the import.</summary>
public sealed class EstimatorAndImportTests(TradingFactory factory) : IClassFixture<TradingFactory>
{
    private static readonly string[] Stocks = ["GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM", "T", "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX"];

    private static PriceTable Prices() => PriceCsv.ReadWide(new StringReader(TradingFactory.DemoCsv("stock_prices.csv"))).Value;

    [Theory]
    [InlineData("mean-historical", true, "ledoit-wolf")]
    [InlineData("mean-historical", false, "sample")]
    [InlineData("ema", true, "sample")]
    public async Task Estimators_AreTheLibrarysOnTheSameFile(string returns, bool compounding, string risk)
    {
        var prices = Prices();
        var mu = returns == "ema" ? ExpectedReturns.ExponentiallyWeighted(prices, 250, compounding) : ExpectedReturns.MeanHistorical(prices, compounding);
        var sigma = risk == "ledoit-wolf" ? RiskModels.LedoitWolf(prices).Matrix : RiskModels.SampleCovariance(prices).Matrix;
        var expected = new EfficientFrontier(prices.Tickers, mu, sigma).MinVolatility().Value;

        var response = await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new
        {
            tickers = Stocks,
            method = "min-volatility",
            estimators = new { expectedReturns = returns, compounding, span = 250, riskModel = risk },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected.Volatility, body.GetProperty("volatility").GetDouble(), 1e-8);
        Assert.Equal(expected.ExpectedReturn, body.GetProperty("return").GetDouble(), 1e-8);
        Assert.StartsWith(returns, body.GetProperty("estimators").GetString(), StringComparison.Ordinal);
        Assert.Equal(risk == "ledoit-wolf", body.GetProperty("estimators").GetString()!.Contains("shrinkage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllocateCash_BuysWholeSharesAtTheLastCloses_LeavingLessThanTheCheapestShare()
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { tickers = Stocks, method = "max-sharpe", allocateCash = 10_000 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var allocation = body.GetProperty("allocation");
        var shares = allocation.GetProperty("shares").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        var prices = allocation.GetProperty("prices").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        var leftover = allocation.GetProperty("leftover").GetDouble();
        var spent = shares.Sum(s => s.Value * prices[s.Key]);

        Assert.Equal(10_000, spent + leftover, 0.01);
        Assert.True(leftover >= 0 && leftover < 10_000 * 0.05, $"leftover {leftover}");
        Assert.All(shares.Keys, t => Assert.True(body.GetProperty("weights").GetProperty(t).GetDouble() > 0));
        var last = Prices();
        Assert.Equal(last[last.Rows - 1, last.IndexOf("AAPL")], prices["AAPL"], 9);
        Assert.Equal("cp-sat", allocation.GetProperty("method").GetString());
    }

    [Theory]
    [InlineData("{\"method\":\"max-sharpe\",\"estimators\":{\"riskModel\":\"shrunk\"}}", "estimators.riskModel")]
    [InlineData("{\"method\":\"max-sharpe\",\"estimators\":{\"expectedReturns\":\"capm\"}}", "estimators.expectedReturns")]
    [InlineData("{\"method\":\"max-sharpe\",\"estimators\":{\"expectedReturns\":\"ema\",\"span\":1}}", "estimators.span")]
    [InlineData("{\"method\":\"max-sharpe\",\"allocateCash\":-5}", "allocateCash")]
    public async Task BadOptions_Are400NamingTheField(string json, string field)
    {
        var response = await factory.Trader.PostAsync("/api/trading/optimize", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    private static string Ohlcv(double start, int days, bool adjusted) =>
        "Date,Open,High,Low,Close" + (adjusted ? ",Adj Close" : string.Empty) + ",Volume\n" + string.Concat(Enumerable.Range(0, days).Select(i =>
        {
            var close = start + i;
            return FormattableString.Invariant($"2017-03-{i + 1:00},{close - 0.5},{close + 1},{close - 1},{close}") + (adjusted ? FormattableString.Invariant($",{close / 2}") : string.Empty) + ",1000\n";
        }));

    [Fact]
    public async Task OhlcvFiles_OneTickerEach_AreImportedByTheirNames_UsingTheAdjustedClose()
    {
        var id = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Ohlcv(100, 10, adjusted: true)), "files", $"OA{id}.csv" },
            { new StringContent(Ohlcv(50, 8, adjusted: false)), "files", $"OB{id}.csv" },
        };

        var response = await factory.Trader.PostAsync("/api/trading/prices/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("instruments").GetInt32());
        Assert.Equal(18, result.GetProperty("prices").GetInt32());
        var instruments = (await factory.Trader.GetFromJsonAsync<List<JsonElement>>("/api/trading/instruments"))!;
        var a = instruments.Single(i => i.GetProperty("ticker").GetString() == $"OA{id}");
        Assert.Equal(109 / 2.0, a.GetProperty("lastClose").GetDouble(), 9);
        Assert.Equal("2017-03-10", a.GetProperty("to").GetString());
        Assert.Equal(57, instruments.Single(i => i.GetProperty("ticker").GetString() == $"OB{id}").GetProperty("lastClose").GetDouble(), 9);

        // One OHLCV body names its ticker in the query; without it, or with a negative price, the answer names why.
        var body = await factory.Trader.PostAsync($"/api/trading/prices/import?ticker=OC{id}", new StringContent(Ohlcv(20, 3, adjusted: false), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, body.StatusCode);
        var unnamed = await factory.Trader.PostAsync("/api/trading/prices/import", new StringContent(Ohlcv(20, 3, adjusted: false), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.True((await unnamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("ticker", out _));
        using var bad = new MultipartFormDataContent { { new StringContent(Ohlcv(20, 3, adjusted: false).Replace(",22,", ",-22,", StringComparison.Ordinal)), "files", $"OD{id}.csv" } };
        var refused = await factory.Trader.PostAsync("/api/trading/prices/import", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty($"OD{id}.csv line 3", out _));
    }
}
