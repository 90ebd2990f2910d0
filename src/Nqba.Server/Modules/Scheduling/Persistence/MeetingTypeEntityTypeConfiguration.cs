using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.MeetingTypes;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class MeetingTypeEntityTypeConfiguration : IEntityTypeConfiguration<MeetingType>
{
    public void Configure(EntityTypeBuilder<MeetingType> builder)
    {
        builder.ToTable("scheduling_meeting_types");
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.WindowKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.ScheduleName).HasMaxLength(100);
        builder.Property(t => t.Assignment).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => t.Code).IsUnique();
    }
}
