using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Platform.Calendar;

namespace Nqba.Server.Platform.Company;

internal sealed class RegionEntityTypeConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("platform_regions");
        builder.HasIndex(r => r.Code).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(40);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.ResidencyZone).HasMaxLength(10);
        builder.HasOne<WorkingCalendar>().WithMany().HasForeignKey(r => r.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}
