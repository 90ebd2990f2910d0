using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.MarketData;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class InstrumentEntityTypeConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> builder)
    {
        builder.ToTable("trading_instruments");
        builder.Property(i => i.Ticker).HasMaxLength(32);
        builder.Property(i => i.Name).HasMaxLength(200);
        builder.Property(i => i.Sector).HasMaxLength(100);
        builder.HasIndex(i => i.Ticker).IsUnique();
    }
}
