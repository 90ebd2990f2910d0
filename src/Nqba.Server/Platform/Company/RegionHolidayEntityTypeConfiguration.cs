using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Company;

internal sealed class RegionHolidayEntityTypeConfiguration : IEntityTypeConfiguration<RegionHoliday>
{
    public void Configure(EntityTypeBuilder<RegionHoliday> builder)
    {
        builder.ToTable("platform_region_holidays");
        builder.HasIndex(h => new { h.RegionId, h.Date }).IsUnique();
        builder.Property(h => h.Name).HasMaxLength(200);
    }
}
