using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Availability;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class AvailabilityOverrideEntityTypeConfiguration : IEntityTypeConfiguration<AvailabilityOverride>
{
    public void Configure(EntityTypeBuilder<AvailabilityOverride> builder)
    {
        builder.ToTable("scheduling_overrides");
        builder.Property(o => o.Note).HasMaxLength(500);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.SpecialistId, o.Date }).IsUnique();
        builder.HasMany(o => o.Ranges).WithOne().HasForeignKey(r => r.OverrideId).OnDelete(DeleteBehavior.Cascade);
    }
}
