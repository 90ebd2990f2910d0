using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Availability;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class AvailabilityRangeEntityTypeConfiguration : IEntityTypeConfiguration<AvailabilityRange>
{
    public void Configure(EntityTypeBuilder<AvailabilityRange> builder)
    {
        builder.ToTable("scheduling_availability_ranges");
        builder.HasKey(r => new { r.ScheduleId, r.Day, r.Opens });
    }
}
