using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Availability;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class TimeOffEntityTypeConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.ToTable("scheduling_time_off");
        builder.Property(t => t.Reason).HasMaxLength(500);
        builder.HasIndex(t => new { t.SpecialistId, t.Start });
    }
}
