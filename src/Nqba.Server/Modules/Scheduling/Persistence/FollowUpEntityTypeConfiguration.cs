using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Bookings;
using Nqba.Server.Modules.Scheduling.FollowUps;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class FollowUpEntityTypeConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.ToTable("scheduling_follow_ups");
        builder.Property(f => f.Outcome).HasMaxLength(20);
        builder.Property(f => f.Notes).HasMaxLength(12000);
        builder.Property(f => f.SuggestedMeetingType).HasMaxLength(40);
        builder.Property(f => f.CreatedBy).HasMaxLength(320);
        builder.Ignore(f => f.OwnerOrganizationId);
        builder.HasOne<Booking>().WithMany().HasForeignKey(f => f.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.BookingId).IsUnique();
        builder.HasMany(f => f.ActionItems).WithOne().HasForeignKey(a => a.FollowUpId).OnDelete(DeleteBehavior.Cascade);
    }
}
