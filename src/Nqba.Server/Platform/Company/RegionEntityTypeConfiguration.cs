using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Company;

internal sealed class RegionEntityTypeConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("platform_regions");
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(40);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.Property(r => r.WorkingDays).HasMaxLength(20);
        builder.Property(r => r.ResidencyZone).HasMaxLength(10);
        builder.HasMany(r => r.Holidays).WithOne().HasForeignKey(h => h.RegionId).OnDelete(DeleteBehavior.Cascade);
    }
}
