using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.Reminders;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class ScheduledJobEntityTypeConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public void Configure(EntityTypeBuilder<ScheduledJob> builder)
    {
        builder.ToTable("scheduling_jobs");
        builder.Property(j => j.LastError).HasMaxLength(2000);
        builder.HasOne<Booking>().WithMany().HasForeignKey(j => j.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.DoneAt, j.DueAt });
    }
}
