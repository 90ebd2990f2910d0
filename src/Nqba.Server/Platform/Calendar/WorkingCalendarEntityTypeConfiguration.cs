using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Calendar;

internal sealed class WorkingCalendarEntityTypeConfiguration : IEntityTypeConfiguration<WorkingCalendar>
{
    public void Configure(EntityTypeBuilder<WorkingCalendar> builder)
    {
        builder.ToTable("platform_calendars");
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Intervals).WithOne().HasForeignKey(i => i.CalendarId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CalendarId).OnDelete(DeleteBehavior.Cascade);
    }
}
