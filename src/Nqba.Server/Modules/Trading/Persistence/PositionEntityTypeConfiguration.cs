using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.MarketData;
using Nqba.Server.Modules.Trading.PaperTrading;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class PositionEntityTypeConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("trading_positions");
        builder.HasKey(p => new { p.PortfolioId, p.InstrumentId });
        builder.Property(p => p.Quantity).HasPrecision(20, 6);
        builder.Property(p => p.CostBasis).HasPrecision(20, 4);
        builder.HasOne<TradingPortfolio>().WithMany().HasForeignKey(p => p.PortfolioId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Instrument>().WithMany().HasForeignKey(p => p.InstrumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
