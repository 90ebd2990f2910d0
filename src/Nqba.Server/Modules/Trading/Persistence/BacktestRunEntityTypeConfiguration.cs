using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.Backtests;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class BacktestRunEntityTypeConfiguration : IEntityTypeConfiguration<BacktestRun>
{
    public void Configure(EntityTypeBuilder<BacktestRun> builder)
    {
        builder.ToTable("trading_backtests");
        builder.Property(b => b.Method).HasMaxLength(40);
        builder.Property(b => b.CreatedBy).HasMaxLength(200);
        builder.HasIndex(b => b.CreatedAt);
    }
}
