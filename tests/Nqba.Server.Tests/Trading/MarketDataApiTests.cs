using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Nqba.Server.Tests.Trading;

/// <summary>Prices imported from CSV through the API, and the demo data seeded on first start.</summary>
public sealed class MarketDataApiTests(TradingFactory factory) : IClassFixture<TradingFactory>
{
    [Fact]
    public async Task Seeder_DemoData_StoresTheTwentyStocksAndTheBenchmark()
    {
        var instruments = (await factory.Trader.GetFromJsonAsync<List<JsonElement>>("/api/trading/instruments"))!;

        var aapl = instruments.Single(i => i.GetProperty("ticker").GetString() == "AAPL");
        Assert.Equal("Technology", aapl.GetProperty("sector").GetString());
        Assert.Equal("1989-12-29", aapl.GetProperty("from").GetString());
        Assert.Equal("2018-04-11", aapl.GetProperty("to").GetString());
        Assert.Equal(172.440002, aapl.GetProperty("lastClose").GetDouble(), 6);
        Assert.True(instruments.Single(i => i.GetProperty("ticker").GetString() == "SPY").GetProperty("isBenchmark").GetBoolean());
        Assert.True(instruments.Count >= 21);
    }

    [Fact]
    public async Task Import_CsvBody_StoresNewInstrumentsAndReplacesADaysClose()
    {
        var csv = "date,ZZA,ZZB\n2020-01-02,10,20\n2020-01-03,,21\n2020-01-06,11,22\n";

        var first = await factory.Trader.PostAsync("/api/trading/prices/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var again = await factory.Trader.PostAsync("/api/trading/prices/import", new StringContent("date,ZZA\n2020-01-06,12.5\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var result = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, result.GetProperty("instruments").GetInt32());
        Assert.Equal(5, result.GetProperty("prices").GetInt32());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var instruments = (await factory.Trader.GetFromJsonAsync<List<JsonElement>>("/api/trading/instruments"))!;
        var zza = instruments.Single(i => i.GetProperty("ticker").GetString() == "ZZA");
        Assert.Equal(2, zza.GetProperty("prices").GetInt32());
        Assert.Equal(12.5, zza.GetProperty("lastClose").GetDouble());
    }

    [Fact]
    public async Task Import_MultipartFile_IsReadLikeABody()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("date,ZZM\n2021-03-01,5\n2021-03-02,5.5\n", Encoding.UTF8, "text/csv"), "file", "prices.csv");

        var response = await factory.Trader.PostAsync("/api/trading/prices/import", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("prices").GetInt32());
    }

    [Theory]
    [InlineData("date,ZZX\n2020-01-02,10\n2020-13-45,11\n", "line 3", "line 3")]
    [InlineData("date,ZZX\n2020-01-02,10\n2020-01-03,-11\n", "line 3", "not a positive price")]
    [InlineData("date,ZZX\n2020-01-02,10\n2020-01-02,11\n", "line 3", "line 2")]
    [InlineData("date,ZZX,ZZY\n2020-01-02,10\n", "line 2", "line 2")]
    public async Task Import_BadCsv_Is400NamingTheLine(string csv, string field, string inDetail)
    {
        var response = await factory.Trader.PostAsync("/api/trading/prices/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Contains(inDetail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_JsonBody_Is400NamingTheBody()
    {
        var response = await factory.Trader.PostAsJsonAsync("/api/trading/prices/import", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
    }
}
