using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Availability;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class AvailabilityOverrideRangeEntityTypeConfiguration : IEntityTypeConfiguration<AvailabilityOverrideRange>
{
    public void Configure(EntityTypeBuilder<AvailabilityOverrideRange> builder)
    {
        builder.ToTable("scheduling_override_ranges");
        builder.HasKey(r => new { r.OverrideId, r.Opens });
    }
}
