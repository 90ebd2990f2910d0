using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Trading;

/// <summary>Saved backtests side by side (API and page), and the backtest page's form and chart.</summary>
public sealed class BacktestPageTests(TradingFactory factory) : IClassFixture<TradingFactory>
{
    private static readonly string[] Stocks = ["AAPL", "MA", "JPM", "XOM", "PFE"];

    private HttpClient Browser()
    {
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = factory.Trader.DefaultRequestHeaders.Authorization;
        return browser;
    }

    private async Task<JsonElement> RunAsync(double costBasisPoints)
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/backtest", new
        {
            tickers = Stocks,
            method = "equal-weight",
            rebalanceEveryDays = 21,
            lookbackDays = 63,
            costBasisPoints,
            from = "2017-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task SavedRuns_AreListedNewestFirst_WithTheirMetricsAndCosts_WithoutTheCurves()
    {
        var cheap = await RunAsync(0);
        var dear = await RunAsync(50);

        var list = (await factory.Trader.GetFromJsonAsync<JsonElement>("/api/trading/backtests?take=200")).EnumerateArray().ToList();
        var ids = list.Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.True(ids.IndexOf(dear.GetProperty("id").GetGuid()) < ids.IndexOf(cheap.GetProperty("id").GetGuid()), "the newer run is not listed first");
        var listedCheap = list.Single(r => r.GetProperty("id").GetGuid() == cheap.GetProperty("id").GetGuid());
        var listedDear = list.Single(r => r.GetProperty("id").GetGuid() == dear.GetProperty("id").GetGuid());

        // The list carries what each run answered, and no equity curve.
        Assert.Equal(cheap.GetProperty("metrics").GetProperty("annualReturn").GetDouble(), listedCheap.GetProperty("metrics").GetProperty("annualReturn").GetDouble());
        Assert.Equal(dear.GetProperty("totalCost").GetDouble(), listedDear.GetProperty("totalCost").GetDouble());
        Assert.False(listedCheap.TryGetProperty("equity", out _));
        // The period is the curve's: from the first rebalancing day, after the look-back window.
        var equity = cheap.GetProperty("equity").EnumerateArray().ToList();
        Assert.Equal(equity[0].GetProperty("date").GetString(), listedCheap.GetProperty("from").GetString());
        Assert.Equal(equity[^1].GetProperty("date").GetString(), listedCheap.GetProperty("to").GetString());
        Assert.Equal(50, listedDear.GetProperty("request").GetProperty("costBasisPoints").GetDouble());

        // Same strategy, same days: the only difference is what trading cost, and it shows.
        Assert.Equal(0, listedCheap.GetProperty("totalCost").GetDouble());
        Assert.True(listedDear.GetProperty("totalCost").GetDouble() > 0);
        Assert.True(listedDear.GetProperty("metrics").GetProperty("annualReturn").GetDouble() < listedCheap.GetProperty("metrics").GetProperty("annualReturn").GetDouble());
        Assert.Equal(listedCheap.GetProperty("totalTurnover").GetDouble(), listedDear.GetProperty("totalTurnover").GetDouble(), 6);

        var bad = await factory.Trader.GetAsync("/api/trading/backtests?take=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("take", out _));
    }

    [Fact]
    public async Task Form_RunsAndOpensTheSavedRun_WithItsChart_AndJunkComesBackNamed()
    {
        using var browser = Browser();
        var html = await browser.GetStringAsync("/trading/backtests");
        var token = AntiforgeryTokens.From(html);
        Assert.Contains("data-testid=\"backtest-form\"", html, StringComparison.Ordinal);

        var junk = await browser.PostAsync("/trading/backtests", Form(token, ("Method", "hrp"), ("LookbackDays", "a year")));
        Assert.Equal(HttpStatusCode.Redirect, junk.StatusCode);
        var back = WebUtility.UrlDecode(junk.Headers.Location!.OriginalString);
        Assert.StartsWith("/trading/backtests?error=", back, StringComparison.Ordinal);
        Assert.Contains("lookbackDays must be a whole number", back, StringComparison.Ordinal);
        Assert.EndsWith("field=lookbackDays", back, StringComparison.Ordinal);
        var shown = await browser.GetStringAsync(junk.Headers.Location!.OriginalString);
        Assert.Contains("lookbackDays must be a whole number", shown, StringComparison.Ordinal);

        var run = await browser.PostAsync("/trading/backtests", Form(token,
            ("Tickers", "AAPL"), ("Tickers", "XOM"), ("Tickers", "JPM"), ("Method", "min-volatility"), ("RebalanceEveryDays", "42"), ("LookbackDays", "126"),
            ("CostBasisPoints", "5"), ("RiskFreeRate", "0.02"), ("From", "2015-01-01"), ("To", "")));
        Assert.Equal(HttpStatusCode.Redirect, run.StatusCode);
        var location = run.Headers.Location!.OriginalString;
        Assert.Matches("^/trading/backtests/[0-9a-f-]{36}$", location);
        var id = Guid.Parse(location[(location.LastIndexOf('/') + 1)..]);

        var saved = await factory.Trader.GetFromJsonAsync<JsonElement>($"/api/trading/backtests/{id}");
        Assert.Equal(["AAPL", "XOM", "JPM"], saved.GetProperty("request").GetProperty("tickers").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(42, saved.GetProperty("request").GetProperty("rebalanceEveryDays").GetInt32());

        var page = await browser.GetStringAsync(location);
        Assert.Contains("data-testid=\"equity-chart\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-label=\"Equity curve from 2015-", page, StringComparison.Ordinal);
        Assert.Contains("Maximum drawdown", page, StringComparison.Ordinal);
        Assert.Contains("rebalanced every 42 trading days", page, StringComparison.Ordinal);

        var list = await browser.GetStringAsync("/trading/backtests");
        Assert.Contains($"href=\"/trading/backtests/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains("Backtest not found", await browser.GetStringAsync($"/trading/backtests/{Guid.NewGuid()}"), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Append(("__RequestVerificationToken", token)).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
}
