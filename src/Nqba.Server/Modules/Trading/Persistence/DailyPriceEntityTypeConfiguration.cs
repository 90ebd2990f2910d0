using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Trading.MarketData;

namespace Nqba.Server.Modules.Trading.Persistence;

internal sealed class DailyPriceEntityTypeConfiguration : IEntityTypeConfiguration<DailyPrice>
{
    public void Configure(EntityTypeBuilder<DailyPrice> builder)
    {
        // The bulk import (PriceImporter) writes these names in its own SQL.
        builder.ToTable("trading_prices");
        builder.HasKey(p => new { p.InstrumentId, p.Date });
        builder.HasOne<Instrument>().WithMany().HasForeignKey(p => p.InstrumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
