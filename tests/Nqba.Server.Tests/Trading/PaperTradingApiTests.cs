using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Trading.Persistence;

namespace Nqba.Server.Tests.Trading;

/// <summary>Paper trading on the demo prices: fills at the next close, each compliance rule blocking with its reason, and the trade record.</summary>
public sealed class PaperTradingApiTests(PaperTradingApiTests.Factory factory) : IClassFixture<PaperTradingApiTests.Factory>
{
    private static readonly string[] AllRules = ["restricted-list", "max-order-size", "max-position", "max-sector", "wash-trade"];

    public sealed class Factory : TradingFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Trading:Compliance:RestrictedTickers:0"] = "AMD",
            ["Trading:Compliance:MaxOrderValue"] = "100000",
            ["Trading:Compliance:MaxPositionFraction"] = "0.25",
            ["Trading:Compliance:MaxSectorFraction"] = "0.40",
            ["Trading:Compliance:WashTradeDays"] = "30",
        };
    }

    private async Task<Guid> OpenAsync(decimal cash = 100_000m)
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/portfolios", new { name = "Paper " + Guid.NewGuid().ToString("N")[..6], cash });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> OrderAsync(Guid portfolio, string ticker, string side, int quantity, string date, string type = "market", decimal? limitPrice = null) =>
        factory.Trader.PostAsJsonAsync($"/api/trading/portfolios/{portfolio}/orders", new { ticker, side, type, quantity, limitPrice, date });

    private static async Task<(string Rule, string Detail)> BlockedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var rule = problem.GetProperty("errors").EnumerateObject().First(e => e.Name != "orderId").Name;
        return (rule, problem.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task MarketOrder_FillsAtTheNextClose_AndUpdatesCashAndPositions()
    {
        var portfolio = await OpenAsync();

        var response = await OrderAsync(portfolio, "XOM", "buy", 100, "2018-01-02");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.Equal("2018-01-03", order.GetProperty("filledOn").GetString());
        Assert.Equal(85.822395m, order.GetProperty("fillPrice").GetDecimal());
        Assert.All(order.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
        var state = await factory.Trader.GetFromJsonAsync<JsonElement>($"/api/trading/portfolios/{portfolio}");
        Assert.Equal(100_000m - 8582.2395m, state.GetProperty("cash").GetDecimal());
        var position = state.GetProperty("positions").EnumerateArray().Single();
        Assert.Equal("XOM", position.GetProperty("ticker").GetString());
        Assert.Equal(100m, position.GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task LimitOrder_BelowTheNextClose_StaysUnfilled()
    {
        var portfolio = await OpenAsync();

        var order = await (await OrderAsync(portfolio, "XOM", "buy", 10, "2018-01-02", "limit", 80m)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("unfilled", order.GetProperty("status").GetString());
        Assert.Contains("did not reach the limit", order.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictedTicker_IsBlockedWithItsReason()
    {
        var (rule, detail) = await BlockedAsync(await OrderAsync(await OpenAsync(), "AMD", "buy", 10, "2018-01-02"));

        Assert.Equal("restricted-list", rule);
        Assert.Contains("AMD is on the restricted list", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrderAboveTheMaximumSize_IsBlocked()
    {
        // 100 AMZN at 1,189.01 is 118,901 > 100,000.
        var (rule, detail) = await BlockedAsync(await OrderAsync(await OpenAsync(1_000_000m), "AMZN", "buy", 100, "2018-01-02"));

        Assert.Equal("max-order-size", rule);
        Assert.Contains("maximum order size", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PositionAboveItsLimit_IsBlocked()
    {
        // 200 AAPL at 171.56 is 34 % of 100,000.
        var (rule, detail) = await BlockedAsync(await OrderAsync(await OpenAsync(), "AAPL", "buy", 200, "2018-01-02"));

        Assert.Equal("max-position", rule);
        Assert.Contains("maximum position of 25.0 %", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectorAboveItsLimit_IsBlocked()
    {
        var portfolio = await OpenAsync();
        Assert.Equal(HttpStatusCode.OK, (await OrderAsync(portfolio, "AAPL", "buy", 130, "2018-01-02")).StatusCode);

        // Technology: 130 AAPL (~22 %) plus 20 GOOG (~22 %) would pass 40 %.
        var (rule, detail) = await BlockedAsync(await OrderAsync(portfolio, "GOOG", "buy", 20, "2018-01-03"));

        Assert.Equal("max-sector", rule);
        Assert.Contains("The sector Technology would be", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuyingBackWithinThirtyDaysOfALossSale_IsAWashTrade()
    {
        var portfolio = await OpenAsync();
        Assert.Equal(HttpStatusCode.OK, (await OrderAsync(portfolio, "XOM", "buy", 100, "2018-01-25")).StatusCode); // fills at 88.10
        var sale = await (await OrderAsync(portfolio, "XOM", "sell", 100, "2018-02-07")).Content.ReadFromJsonAsync<JsonElement>(); // fills at 75.30: a loss

        var (rule, detail) = await BlockedAsync(await OrderAsync(portfolio, "XOM", "buy", 100, "2018-02-20"));

        Assert.Equal("filled", sale.GetProperty("status").GetString());
        Assert.Equal("wash-trade", rule);
        Assert.Contains("sold at a loss on 2018-02-08", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await OrderAsync(portfolio, "XOM", "buy", 100, "2018-03-20")).StatusCode);
    }

    [Fact]
    public async Task ParallelBuys_OfOneTicker_NeverTogetherPassThePositionLimit()
    {
        for (var round = 0; round < 10; round++)
        {
            var portfolio = await OpenAsync();

            // 200 XOM at ~86 is ~17 % of 100,000: one fits under the 25 % limit, two do not.
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OrderAsync(portfolio, "XOM", "buy", 200, "2018-01-02")));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            var state = await factory.Trader.GetFromJsonAsync<JsonElement>($"/api/trading/portfolios/{portfolio}");
            Assert.Equal(200m, state.GetProperty("positions").EnumerateArray().Single().GetProperty("quantity").GetDecimal());
            Assert.Equal(100_000m - (200 * 85.822395m), state.GetProperty("cash").GetDecimal());
        }
    }

    [Fact]
    public async Task BlockedOrders_StayOnTheBlotterWithEveryVerdict()
    {
        var portfolio = await OpenAsync();
        await OrderAsync(portfolio, "AMD", "buy", 10, "2018-01-02");

        var blotter = (await factory.Trader.GetFromJsonAsync<List<JsonElement>>($"/api/trading/portfolios/{portfolio}/orders"))!;

        var order = Assert.Single(blotter);
        Assert.Equal("rejected", order.GetProperty("status").GetString());
        Assert.Equal(AllRules, order.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("rule").GetString()));
    }

    [Fact]
    public async Task BadOrder_Is400NamingTheField()
    {
        var portfolio = await OpenAsync();

        var response = await factory.Trader.PostAsJsonAsync($"/api/trading/portfolios/{portfolio}/orders", new { ticker = "AAPL", side = "hold", quantity = 1.5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("side", out _));
        Assert.True(errors.TryGetProperty("quantity", out _));
    }

    [Fact]
    public async Task TradeRecord_TamperedRow_IsReportedAsTheFirstBrokenLink()
    {
        var portfolio = await OpenAsync();
        await OrderAsync(portfolio, "PFE", "buy", 10, "2018-01-02");
        await OrderAsync(portfolio, "AMD", "buy", 10, "2018-01-02");
        var intact = await factory.Trader.GetFromJsonAsync<JsonElement>("/api/trading/record/verify");
        Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());

        long target;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TradingDbContext>();
            target = await db.TradeRecord.Where(e => e.PortfolioId == portfolio && e.Kind == "fill").Select(e => e.Sequence).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE trading_record SET \"Content\" = REPLACE(\"Content\", '\"quantity\":10', '\"quantity\":1000') WHERE \"Sequence\" = {0}", target);
        }

        var broken = await factory.Trader.GetFromJsonAsync<JsonElement>("/api/trading/record/verify");

        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(target, broken.GetProperty("brokenAt").GetInt64());
        Assert.Contains("changed after it was written", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
