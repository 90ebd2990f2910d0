using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Bookings;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class BookingEntityTypeConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.ToTable("scheduling_bookings");
        builder.Property(x => x.MeetingTypeCode).HasMaxLength(40);
        builder.Property(x => x.ClientName).HasMaxLength(1000);
        builder.Property(x => x.ClientEmail).HasMaxLength(1000);
        builder.Property(x => x.ClientEmailHash).HasMaxLength(64);
        builder.Property(x => x.Notes).HasMaxLength(12000);
        builder.Property(x => x.ClientTimeZone).HasMaxLength(64);
        builder.Property(x => x.Language).HasMaxLength(10);
        builder.Property(x => x.VideoUrl).HasMaxLength(2000);
        builder.Property(x => x.VideoProvider).HasMaxLength(40);
        builder.Property(x => x.VideoMeetingId).HasMaxLength(200);
        builder.Property(x => x.VideoNote).HasMaxLength(1000);
        builder.Property(x => x.CancelReason).HasMaxLength(1000);
        builder.Property(x => x.ChangedBy).HasMaxLength(320);
        builder.Property(x => x.ImportSource).HasMaxLength(40);
        builder.Property(x => x.ExternalId).HasMaxLength(200);
        builder.HasIndex(x => new { x.ImportSource, x.ExternalId }).IsUnique();
        builder.Ignore(x => x.OwnerOrganizationId);
        builder.HasIndex(x => new { x.SpecialistId, x.Start });
        builder.HasIndex(x => x.ClientEmailHash);
        builder.HasIndex(x => x.LeadId);
    }
}
