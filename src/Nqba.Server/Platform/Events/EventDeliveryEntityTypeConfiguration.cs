using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Events;

internal sealed class EventDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<EventDelivery>
{
    public void Configure(EntityTypeBuilder<EventDelivery> builder)
    {
        builder.ToTable("platform_event_deliveries");
        builder.HasKey(d => new { d.EventId, d.Subscriber });
        builder.Property(d => d.Subscriber).HasMaxLength(300);
        builder.Property(d => d.LastError).HasMaxLength(2000);
        builder.HasOne<StoredEvent>().WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.ParkedAt);
        builder.Ignore(d => d.IsSettled);
    }
}
