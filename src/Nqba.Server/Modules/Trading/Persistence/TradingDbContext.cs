using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Trading.Backtests;
using Nqba.Server.Modules.Trading.MarketData;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Trading.Persistence;

/// <summary>Instruments, daily prices and saved backtests; tables prefixed <c>trading_</c>.</summary>
[MigrationHistory("__ef_trading")]
internal class TradingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Instrument> Instruments => Set<Instrument>();

    public DbSet<DailyPrice> Prices => Set<DailyPrice>();

    public DbSet<BacktestRun> Backtests => Set<BacktestRun>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new InstrumentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DailyPriceEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new BacktestRunEntityTypeConfiguration());
    }
}
