using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Calendar;

internal sealed class CalendarHolidayEntityTypeConfiguration : IEntityTypeConfiguration<CalendarHoliday>
{
    public void Configure(EntityTypeBuilder<CalendarHoliday> builder)
    {
        builder.ToTable("platform_calendar_holidays");
        builder.HasIndex(h => new { h.CalendarId, h.Date }).IsUnique();
        builder.Property(h => h.Name).HasMaxLength(200);
    }
}
