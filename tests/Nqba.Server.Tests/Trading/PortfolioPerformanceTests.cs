using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nqba.Server.Tests.Trading;

/// <summary>Deposits and withdrawals, and the time-weighted return that leaves them out.</summary>
public sealed class PortfolioPerformanceTests(PortfolioPerformanceTests.Factory factory) : IClassFixture<PortfolioPerformanceTests.Factory>
{
    /// <summary>Single-stock portfolios: the position and sector limits are lifted.</summary>
    public sealed class Factory : TradingFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Trading:Compliance:MaxPositionFraction"] = "1",
            ["Trading:Compliance:MaxSectorFraction"] = "1",
        };
    }

    private async Task<Guid> OpenAsync(decimal cash)
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/portfolios", new { name = "TWR " + Guid.NewGuid().ToString("N")[..6], cash });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task BuyAsync(Guid portfolio, string ticker, int quantity, string date) =>
        Assert.Equal(HttpStatusCode.OK, (await factory.Trader.PostAsJsonAsync($"/api/trading/portfolios/{portfolio}/orders", new { ticker, side = "buy", type = "market", quantity, date })).StatusCode);

    private Task<HttpResponseMessage> MoveAsync(Guid portfolio, decimal amount, string date) =>
        factory.Trader.PostAsJsonAsync($"/api/trading/portfolios/{portfolio}/cash", new { amount, date });

    private Task<JsonElement> PerformanceAsync(Guid portfolio) => factory.Trader.GetFromJsonAsync<JsonElement>($"/api/trading/portfolios/{portfolio}/performance");

    [Fact]
    public async Task ADeposit_RaisesTheValue_ButNeitherTheProfitNorTheTimeWeightedReturn()
    {
        var portfolio = await OpenAsync(100_000m);
        var moved = await MoveAsync(portfolio, 50_000m, "2018-01-10");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var state = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(150_000m, state.GetProperty("cash").GetDecimal());
        Assert.Equal(50_000m, state.GetProperty("netDeposits").GetDecimal());
        Assert.Equal(0m, state.GetProperty("profitAndLoss").GetDecimal());
        var performance = await PerformanceAsync(portfolio);
        Assert.Equal(0, performance.GetProperty("timeWeightedReturn").GetDouble(), 12);
        Assert.Equal(150_000m, performance.GetProperty("points").EnumerateArray().Last().GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task TimeWeightedReturn_IsTheHoldingsGrowth_WhateverIsPaidInBetween()
    {
        // Both hold 100 XOM bought on 2018-01-02 (filled at the 2018-01-03 close); one is paid 40,000 more halfway.
        var plain = await OpenAsync(8_582.2395m);
        var funded = await OpenAsync(8_582.2395m);
        await BuyAsync(plain, "XOM", 100, "2018-01-02");
        await BuyAsync(funded, "XOM", 100, "2018-01-02");
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(funded, 40_000m, "2018-02-01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await MoveAsync(funded, -10_000m, "2018-03-01")).StatusCode);

        var a = await PerformanceAsync(plain);
        var b = await PerformanceAsync(funded);

        // All in XOM with no cash left: the time-weighted return is XOM's own move from the fill to the last close.
        var points = a.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal("2018-01-03", a.GetProperty("from").GetString());
        var first = points[0].GetProperty("value").GetDecimal();
        var last = points[^1].GetProperty("value").GetDecimal();
        Assert.Equal((double)(last / first) - 1, a.GetProperty("timeWeightedReturn").GetDouble(), 9);

        // The funded one holds the same shares plus idle cash after the deposit: its return differs from the plain
        // one only through that idle cash, and the flows themselves are no gain: its final value less its net
        // deposits is the plain one's value plus the (zero-return) cash.
        Assert.Equal(30_000m, b.GetProperty("netDeposits").GetDecimal());
        var bPoints = b.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(last + 30_000m, bPoints[^1].GetProperty("value").GetDecimal());
        Assert.Equal(40_000m, bPoints.Single(p => p.GetProperty("date").GetString() == "2018-02-01").GetProperty("flow").GetDecimal());

        // Up to the deposit the two indexes agree day by day; the deposit day's flow is not a return.
        var beforeDeposit = bPoints.TakeWhile(p => string.CompareOrdinal(p.GetProperty("date").GetString(), "2018-02-01") < 0).ToList();
        Assert.True(beforeDeposit.Count > 10);
        for (var i = 0; i < beforeDeposit.Count; i++)
        {
            Assert.Equal(points[i].GetProperty("index").GetDouble(), beforeDeposit[i].GetProperty("index").GetDouble(), 12);
        }

        var depositDay = bPoints[beforeDeposit.Count];
        var plainDay = points[beforeDeposit.Count];
        Assert.Equal(plainDay.GetProperty("index").GetDouble(), depositDay.GetProperty("index").GetDouble(), 12);
    }

    [Fact]
    public async Task AWithdrawalAboveTheCash_OrNoAmount_Is400NamingAmount()
    {
        var portfolio = await OpenAsync(1_000m);

        foreach (var body in new object[] { new { amount = -1_000.01m }, new { amount = 0m }, new { } })
        {
            var response = await factory.Trader.PostAsJsonAsync($"/api/trading/portfolios/{portfolio}/cash", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("amount", out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await factory.Trader.PostAsJsonAsync($"/api/trading/portfolios/{Guid.NewGuid()}/cash", new { amount = 5m })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Trader.GetAsync($"/api/trading/portfolios/{Guid.NewGuid()}/performance")).StatusCode);
        Assert.Equal(1_000m, (await factory.Trader.GetFromJsonAsync<JsonElement>($"/api/trading/portfolios/{portfolio}")).GetProperty("cash").GetDecimal());
    }

    [Fact]
    public async Task ParallelWithdrawals_NeverTakeMoreThanTheCash()
    {
        for (var round = 0; round < 10; round++)
        {
            var portfolio = await OpenAsync(1_000m);
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => MoveAsync(portfolio, -400m, "2018-01-10")));

            Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest));
            Assert.Equal(200m, (await factory.Trader.GetFromJsonAsync<JsonElement>($"/api/trading/portfolios/{portfolio}")).GetProperty("cash").GetDecimal());
        }

        Assert.True((await factory.Trader.GetFromJsonAsync<JsonElement>("/api/trading/record/verify")).GetProperty("intact").GetBoolean());
    }
}
