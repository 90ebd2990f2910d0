using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Notifications;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class NotificationChannelEntityTypeConfiguration : IEntityTypeConfiguration<NotificationChannel>
{
    public void Configure(EntityTypeBuilder<NotificationChannel> builder)
    {
        builder.ToTable("monitoring_channels");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Target).HasMaxLength(2000);
        builder.Property(c => c.EscalationTarget).HasMaxLength(2000);
    }
}
