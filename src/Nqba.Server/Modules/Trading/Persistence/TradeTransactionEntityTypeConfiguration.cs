using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.PaperTrading;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class TradeTransactionEntityTypeConfiguration : IEntityTypeConfiguration<TradeTransaction>
{
    public void Configure(EntityTypeBuilder<TradeTransaction> builder)
    {
        builder.ToTable("trading_transactions");
        builder.Property(t => t.Ticker).HasMaxLength(32);
        builder.Property(t => t.Quantity).HasPrecision(20, 6);
        builder.Property(t => t.Price).HasPrecision(20, 6);
        builder.Property(t => t.Amount).HasPrecision(20, 4);
        builder.Property(t => t.RealizedPnl).HasPrecision(20, 4);
        builder.HasIndex(t => new { t.PortfolioId, t.Ticker, t.Date });
        builder.HasOne<TradingPortfolio>().WithMany().HasForeignKey(t => t.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
