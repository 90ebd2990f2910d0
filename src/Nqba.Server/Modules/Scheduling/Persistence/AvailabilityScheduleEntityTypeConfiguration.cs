using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Availability;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class AvailabilityScheduleEntityTypeConfiguration : IEntityTypeConfiguration<AvailabilitySchedule>
{
    public void Configure(EntityTypeBuilder<AvailabilitySchedule> builder)
    {
        builder.ToTable("scheduling_availability_schedules");
        builder.Property(s => s.Name).HasMaxLength(100);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.SpecialistId, s.Name }).IsUnique();
        // One default schedule per specialist, whatever two writers do at once.
        builder.HasIndex(s => s.SpecialistId, "IX_scheduling_availability_schedules_default").IsUnique().HasFilter("\"IsDefault\"");
        builder.HasMany(s => s.Ranges).WithOne().HasForeignKey(r => r.ScheduleId).OnDelete(DeleteBehavior.Cascade);
    }
}
