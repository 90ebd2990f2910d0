using Nqba.Server.Modules.Trading;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Trading;

/// <summary>A server with the demo prices seeded and a signed-in trader (MFA on, as staff must).</summary>
public class TradingFactory : NqbaFactory
{
    public HttpClient Trader { get; private set; } = null!;

    protected override bool SeedDemoPrices => true;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var email = $"trader-{Guid.NewGuid():N}@trading.test";
        var (_, password) = await CreateUserAsync(email, NqbaRoles.Trader);
        Trader = await CreateClientForAsync(email, password, await EnableTotpAsync(email));
    }

    /// <summary>One of the demo price files the server embeds (stock_prices.csv, spy_prices.csv).</summary>
    public static string DemoCsv(string file)
    {
        using var stream = typeof(TradingModule).Assembly.GetManifestResourceStream("Nqba.Server.Modules.Trading.MarketData.Demo." + file)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
