using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.TradeRecord;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class TradeRecordEntryEntityTypeConfiguration : IEntityTypeConfiguration<TradeRecordEntry>
{
    public void Configure(EntityTypeBuilder<TradeRecordEntry> builder)
    {
        builder.ToTable("trading_record");
        // The sequence is the chain's order and its lock: two appenders of one number collide here.
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.OrderId);
        builder.HasIndex(e => e.PortfolioId);
    }
}
