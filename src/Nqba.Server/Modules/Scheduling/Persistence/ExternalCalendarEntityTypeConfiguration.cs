using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Calendars;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class ExternalCalendarEntityTypeConfiguration : IEntityTypeConfiguration<ExternalCalendar>
{
    public void Configure(EntityTypeBuilder<ExternalCalendar> builder)
    {
        builder.ToTable("scheduling_external_calendars");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Url).HasMaxLength(2000);
        builder.Property(c => c.LastError).HasMaxLength(2000);
        builder.HasIndex(c => c.SpecialistId);
    }
}
