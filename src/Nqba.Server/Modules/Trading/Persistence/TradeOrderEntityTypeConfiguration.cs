using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.PaperTrading;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class TradeOrderEntityTypeConfiguration : IEntityTypeConfiguration<TradeOrder>
{
    public void Configure(EntityTypeBuilder<TradeOrder> builder)
    {
        builder.ToTable("trading_orders");
        builder.Property(o => o.Ticker).HasMaxLength(32);
        builder.Property(o => o.Reason).HasMaxLength(1000);
        builder.Property(o => o.CreatedBy).HasMaxLength(200);
        builder.Property(o => o.Quantity).HasPrecision(20, 6);
        builder.Property(o => o.LimitPrice).HasPrecision(20, 6);
        builder.Property(o => o.FillPrice).HasPrecision(20, 6);
        builder.HasIndex(o => new { o.PortfolioId, o.CreatedAt });
        builder.HasOne<TradingPortfolio>().WithMany().HasForeignKey(o => o.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
