using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Nqba.Server.Tests.Trading;

/// <summary>A rule configured to warn lets the order fill and keeps the warning; the trade record exports as CSV a reviewer can re-hash.</summary>
public sealed class ComplianceWarningTests(ComplianceWarningTests.Factory factory) : IClassFixture<ComplianceWarningTests.Factory>
{
    public sealed class Factory : TradingFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Trading:Compliance:RestrictedTickers:0"] = "AMD",
            ["Trading:Compliance:WarnOnlyRules:0"] = "wash-trade",
        };
    }

    private async Task<Guid> OpenAsync()
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/portfolios", new { name = "Warn " + Guid.NewGuid().ToString("N")[..6], cash = 100_000m });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> OrderAsync(Guid portfolio, string ticker, string side, int quantity, string date) =>
        factory.Trader.PostAsJsonAsync($"/api/trading/portfolios/{portfolio}/orders", new { ticker, side, type = "market", quantity, date });

    [Fact]
    public async Task AWashTradeThatOnlyWarns_Fills_WithTheWarningKept_WhileARestrictedTickerStillBlocks()
    {
        var portfolio = await OpenAsync();
        Assert.Equal(HttpStatusCode.OK, (await OrderAsync(portfolio, "XOM", "buy", 100, "2018-01-25")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OrderAsync(portfolio, "XOM", "sell", 100, "2018-02-07")).StatusCode); // a loss

        var response = await OrderAsync(portfolio, "XOM", "buy", 100, "2018-02-20");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.StartsWith("Warning: Wash trade: XOM was sold at a loss on 2018-02-08", order.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var wash = order.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "wash-trade");
        Assert.False(wash.GetProperty("passed").GetBoolean());
        Assert.True(wash.GetProperty("warning").GetBoolean());
        Assert.False(wash.GetProperty("blocks").GetBoolean());

        // The blotter reads the verdicts back from the trade record, warning included.
        var blotter = (await factory.Trader.GetFromJsonAsync<List<JsonElement>>($"/api/trading/portfolios/{portfolio}/orders"))!;
        Assert.True(blotter[0].GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "wash-trade").GetProperty("warning").GetBoolean());

        var blocked = await OrderAsync(portfolio, "AMD", "buy", 10, "2018-02-20");
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
    }

    [Fact]
    public async Task Export_IsCsvOfEveryEntry_WhoseHashesAReviewerCanRecompute_AndWhoseLinksHold()
    {
        var portfolio = await OpenAsync();
        Assert.Equal(HttpStatusCode.OK, (await OrderAsync(portfolio, "PFE", "buy", 50, "2018-03-01")).StatusCode);
        await OrderAsync(portfolio, "AMD", "buy", 10, "2018-03-01");

        var response = await factory.Trader.GetAsync($"/api/trading/record/export?portfolio={portfolio}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("true", response.Headers.GetValues("X-Trade-Record-Intact").Single());
        using var reader = new CsvHelper.CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        await reader.ReadAsync();
        reader.ReadHeader();
        Assert.Equal(["sequence", "kind", "recorded_at", "portfolio_id", "order_id", "content", "previous_hash", "hash"], reader.HeaderRecord!);
        var kinds = new List<string>();
        while (await reader.ReadAsync())
        {
            Assert.Equal(portfolio.ToString("D"), reader.GetField("portfolio_id"));
            kinds.Add(reader.GetField("kind")!);

            // The documented hash: SHA-256 over previous hash, sequence, kind, time, portfolio, order and content, joined by newlines.
            var text = string.Join('\n', reader.GetField("previous_hash"), reader.GetField("sequence"), reader.GetField("kind"), reader.GetField("recorded_at"),
                reader.GetField("portfolio_id"), reader.GetField("order_id"), reader.GetField("content"));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), reader.GetField("hash"));
        }

        // Buy: order, check, fill; the restricted one: order, check, outcome.
        Assert.Equal(["order", "check", "fill", "order", "check", "outcome"], kinds);

        var none = await factory.Trader.GetStringAsync($"/api/trading/record/export?portfolio={portfolio}&from=2000-01-01&to=2000-01-02");
        Assert.Single(none.Trim().Split('\n'));
        var bad = await factory.Trader.GetAsync("/api/trading/record/export?from=2026-02-01&to=2026-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _));
        var junk = await factory.Trader.GetAsync("/api/trading/record/export?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, junk.StatusCode);
        Assert.Contains("from", await junk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
