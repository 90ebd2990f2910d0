using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Nqba.Server.Tests.Trading;

/// <summary>Price tables are cached between requests, and an import of new closes is what the next optimization reads.</summary>
public sealed class PriceCacheTests(TradingFactory factory) : IClassFixture<TradingFactory>
{
    /// <summary>Two tickers over 60 days: A grows steadily by <paramref name="driftA"/> a day with small swings, B is flat with larger ones.</summary>
    private static string Csv(string a, string b, double driftA)
    {
        var csv = new StringBuilder($"date,{a},{b}\n");
        var day = new DateOnly(2017, 1, 2);
        double pa = 100, pb = 100;
        for (var i = 0; i < 60; i++, day = day.AddDays(1))
        {
            pa *= 1 + driftA + (i % 2 == 0 ? 0.004 : -0.004);
            pb *= 1 + (i % 3 == 0 ? 0.02 : -0.01);
            csv.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd},{pa:F4},{pb:F4}\n");
        }

        return csv.ToString();
    }

    private async Task ImportAsync(string csv) =>
        Assert.Equal(HttpStatusCode.OK, (await factory.Trader.PostAsync("/api/trading/prices/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

    private async Task<double> ExpectedReturnAsync(string a, string b)
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/optimize", new { tickers = new[] { a, b }, method = "min-volatility" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("return").GetDouble();
    }

    [Fact]
    public async Task AnImport_IsReadByTheNextOptimization_NotTheCachedTable()
    {
        var id = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (a, b) = ("CA" + id, "CB" + id);
        await ImportAsync(Csv(a, b, 0.001));
        var first = await ExpectedReturnAsync(a, b);
        Assert.Equal(first, await ExpectedReturnAsync(a, b));

        // The same days again with A rising five times as fast: every close replaced.
        await ImportAsync(Csv(a, b, 0.005));
        var second = await ExpectedReturnAsync(a, b);

        Assert.True(second > first + 0.1, $"the optimization still read the old closes ({first} then {second})");
    }
}
