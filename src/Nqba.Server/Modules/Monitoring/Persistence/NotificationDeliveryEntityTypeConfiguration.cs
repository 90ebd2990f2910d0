using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Notifications;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class NotificationDeliveryEntityTypeConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> builder)
    {
        builder.ToTable("monitoring_deliveries");
        builder.Property(d => d.Kind).HasMaxLength(40);
        builder.Property(d => d.Text).HasMaxLength(4000);
        builder.Property(d => d.Detail).HasMaxLength(1000);
        builder.HasIndex(d => new { d.ChannelId, d.ComponentId, d.At });
    }
}
