using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.PaperTrading;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class TradingPortfolioEntityTypeConfiguration : IEntityTypeConfiguration<TradingPortfolio>
{
    public void Configure(EntityTypeBuilder<TradingPortfolio> builder)
    {
        builder.ToTable("trading_portfolios");
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.Property(p => p.Cash).HasPrecision(20, 4);
        builder.Property(p => p.InitialCash).HasPrecision(20, 4);
        builder.HasIndex(p => p.OrganizationId);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}
