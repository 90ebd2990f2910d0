using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.PaperTrading;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class CashMovementEntityTypeConfiguration : IEntityTypeConfiguration<CashMovement>
{
    public void Configure(EntityTypeBuilder<CashMovement> builder)
    {
        builder.ToTable("trading_cash_movements");
        builder.Property(m => m.Amount).HasPrecision(20, 4);
        builder.Property(m => m.CreatedBy).HasMaxLength(200);
        builder.HasIndex(m => new { m.PortfolioId, m.Date });
        builder.HasOne<TradingPortfolio>().WithMany().HasForeignKey(m => m.PortfolioId).OnDelete(DeleteBehavior.Cascade);
    }
}
