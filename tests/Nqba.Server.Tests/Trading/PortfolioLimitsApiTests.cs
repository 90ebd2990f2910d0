using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Trading.Data;
using Nqba.Trading.Estimation;
using Nqba.Trading.Optimization;

namespace Nqba.Server.Tests.Trading;

/// <summary>Per-asset bounds and sector limits through the optimize and frontier API, against the library on the same file.</summary>
public sealed class PortfolioLimitsApiTests(TradingFactory factory) : IClassFixture<TradingFactory>
{
    private static readonly string[] Stocks = ["GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM", "T", "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX"];

    /// <summary>The demo file's technology stocks (the seeder's sectors).</summary>
    private static readonly int[] Technology = [0, 1, 2, 6];

    private static EfficientFrontier LibraryFrontier(PortfolioConstraints constraints)
    {
        var prices = PriceCsv.ReadWide(new StringReader(TradingFactory.DemoCsv("stock_prices.csv"))).Value;
        return new EfficientFrontier(prices.Tickers, ExpectedReturns.MeanHistorical(prices), RiskModels.SampleCovariance(prices).Matrix, constraints);
    }

    private static double[] Weights(JsonElement body) => [.. Stocks.Select(t => body.GetProperty("weights").GetProperty(t).GetDouble())];

    [Fact]
    public async Task MaxSharpe_WithAnAssetCapAndATechnologyLimit_IsTheLibrarysOptimumUnderThem()
    {
        var upper = Enumerable.Repeat(1.0, Stocks.Length).ToArray();
        upper[Array.IndexOf(Stocks, "MA")] = 0.05;
        var lower = new double[Stocks.Length];
        lower[Array.IndexOf(Stocks, "XOM")] = 0.1;
        var expected = LibraryFrontier(new PortfolioConstraints { Lower = lower, Upper = upper, Sectors = [new SectorLimit("Technology", Technology, 0, 0.15)] }).MaxSharpe().Value;

        var response = await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new
        {
            tickers = Stocks,
            method = "max-sharpe",
            assetBounds = new Dictionary<string, object> { ["MA"] = new { upper = 0.05 }, ["XOM"] = new { lower = 0.1 } },
            sectorLimits = new[] { new { sector = "technology", max = 0.15 } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var w = Weights(body);
        Assert.Equal(expected.SharpeRatio, body.GetProperty("sharpe").GetDouble(), 1e-7);
        for (var i = 0; i < Stocks.Length; i++)
        {
            Assert.Equal(expected.Weights[i], w[i], 1e-8);
        }

        Assert.True(w[Array.IndexOf(Stocks, "MA")] <= 0.05 + 1e-9);
        Assert.True(w[Array.IndexOf(Stocks, "XOM")] >= 0.1 - 1e-9);
        Assert.True(Technology.Sum(i => w[i]) <= 0.15 + 1e-9, $"technology holds {Technology.Sum(i => w[i])}");
        Assert.Equal(1, w.Sum(), 1e-8);

        // Unconstrained, the same request holds more than the caps allow: the limits are what made the difference.
        var free = await (await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { tickers = Stocks, method = "max-sharpe" })).Content.ReadFromJsonAsync<JsonElement>();
        var fw = Weights(free);
        Assert.True(fw[Array.IndexOf(Stocks, "MA")] > 0.05 || Technology.Sum(i => fw[i]) > 0.15 || fw[Array.IndexOf(Stocks, "XOM")] < 0.1);
    }

    [Fact]
    public async Task Frontier_KeepsTheSectorLimitOnEveryPoint()
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/frontier", new { tickers = Stocks, points = 8, sectorLimits = new[] { new { sector = "Technology", max = 0.2 } } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(8, points.Count);
        Assert.All(points, p =>
        {
            var w = p.GetProperty("weights").EnumerateArray().Select(x => x.GetDouble()).ToArray();
            Assert.True(Technology.Sum(i => w[i]) <= 0.2 + 1e-6, $"technology holds {Technology.Sum(i => w[i])}");
        });
    }

    [Theory]
    [InlineData("{\"method\":\"max-sharpe\",\"assetBounds\":{\"ZZZZ\":{\"upper\":0.1}}}", "assetBounds")]
    [InlineData("{\"method\":\"max-sharpe\",\"assetBounds\":{\"AAPL\":{\"lower\":0.6},\"XOM\":{\"lower\":0.6}}}", "assetBounds")]
    [InlineData("{\"method\":\"max-sharpe\",\"assetBounds\":{\"AAPL\":{\"lower\":0.3,\"upper\":0.2}}}", "assetBounds")]
    [InlineData("{\"method\":\"max-sharpe\",\"sectorLimits\":[{\"sector\":\"Shipping\",\"max\":0.1}]}", "sectorLimits")]
    [InlineData("{\"method\":\"max-sharpe\",\"sectorLimits\":[{\"sector\":\"Energy\",\"min\":0.5,\"max\":0.2}]}", "sectorLimits")]
    [InlineData("{\"method\":\"max-sharpe\",\"sectorLimits\":[{\"max\":0.2}]}", "sectorLimits")]
    [InlineData("{\"method\":\"min-volatility\",\"maxAssets\":3,\"sectorLimits\":[{\"sector\":\"Energy\",\"max\":0.2}]}", "maxAssets")]
    public async Task BadLimits_Are400NamingTheField(string json, string field)
    {
        var response = await factory.Trader.PostAsync("/api/trading/optimize", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }
}
