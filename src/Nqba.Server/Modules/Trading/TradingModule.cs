using Nqba.Server.Modules.Trading.Backtests;
using Nqba.Server.Modules.Trading.MarketData;
using Nqba.Server.Modules.Trading.PaperTrading;
using Nqba.Server.Modules.Trading.Persistence;
using Nqba.Server.Modules.Trading.Portfolios;
using Nqba.Server.Modules.Trading.TradeRecord;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Trading;

/// <summary>Goliath Trade: market data, portfolio optimization, frontiers, backtests and compliant paper trading with a hash-chained trade record on the <c>Nqba.Trading</c> library.</summary>
public static class TradingModule
{
    public static IHostApplicationBuilder AddTradingModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TradingOptions>().BindConfiguration(TradingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<TradingDbContext, SqliteTradingDbContext, PostgresTradingDbContext>();
        services.AddScoped<PriceImporter>();
        services.AddSingleton<PriceTableCache>();
        services.AddScoped<MarketDataQueries>();
        services.AddScoped<PortfolioOptimizer>();
        services.AddScoped<BacktestService>();
        services.AddScoped<TradeRecordChain>();
        services.AddScoped<OrderDesk>();
        services.AddScoped<PortfolioQueries>();
        services.AddScoped<IDataSeeder, TradingSeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapTradingModuleEndpoints(this IEndpointRouteBuilder app) => app.MapMarketDataEndpoints().MapPortfolioEndpoints().MapPaperTradingEndpoints().MapPaperTradingFormEndpoints().MapBacktestFormEndpoints();
}
