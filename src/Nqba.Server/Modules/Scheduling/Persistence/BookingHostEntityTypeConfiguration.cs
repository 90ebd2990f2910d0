using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Bookings;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class BookingHostEntityTypeConfiguration : IEntityTypeConfiguration<BookingHost>
{
    public void Configure(EntityTypeBuilder<BookingHost> builder)
    {
        builder.ToTable("scheduling_booking_hosts");
        builder.HasKey(h => new { h.BookingId, h.SpecialistId });
        builder.HasIndex(h => h.SpecialistId);
        builder.HasOne<Booking>().WithMany().HasForeignKey(h => h.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
