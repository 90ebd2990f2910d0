using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Trading.Backtests;
using Nqba.Server.Modules.Trading.MarketData;
using Nqba.Server.Modules.Trading.PaperTrading;
using Nqba.Server.Modules.Trading.TradeRecord;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Trading.Persistence;

/// <summary>Instruments, daily prices, saved backtests, paper portfolios, orders, transactions, cash movements and the trade record; tables prefixed <c>trading_</c>.</summary>
[MigrationHistory("__ef_trading")]
internal class TradingDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<Instrument> Instruments => Set<Instrument>();

    public DbSet<DailyPrice> Prices => Set<DailyPrice>();

    public DbSet<BacktestRun> Backtests => Set<BacktestRun>();

    public DbSet<TradingPortfolio> Portfolios => Set<TradingPortfolio>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<TradeOrder> Orders => Set<TradeOrder>();

    public DbSet<TradeTransaction> Transactions => Set<TradeTransaction>();

    public DbSet<TradeRecordEntry> TradeRecord => Set<TradeRecordEntry>();

    public DbSet<CashMovement> CashMovements => Set<CashMovement>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new InstrumentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DailyPriceEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new BacktestRunEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TradingPortfolioEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new PositionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TradeOrderEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TradeTransactionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TradeRecordEntryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new CashMovementEntityTypeConfiguration());
    }
}
