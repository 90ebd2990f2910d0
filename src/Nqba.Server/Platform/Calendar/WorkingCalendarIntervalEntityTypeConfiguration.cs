using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Calendar;

internal sealed class WorkingCalendarIntervalEntityTypeConfiguration : IEntityTypeConfiguration<WorkingCalendarInterval>
{
    public void Configure(EntityTypeBuilder<WorkingCalendarInterval> builder)
    {
        builder.ToTable("platform_calendar_intervals");
        builder.HasKey(i => new { i.CalendarId, i.Day, i.Opens });
    }
}
