using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Notifications;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class StatusSubscriptionEntityTypeConfiguration : IEntityTypeConfiguration<StatusSubscription>
{
    public void Configure(EntityTypeBuilder<StatusSubscription> builder)
    {
        builder.ToTable("monitoring_subscriptions");
        builder.Property(s => s.Email).HasMaxLength(1000);
        builder.Property(s => s.EmailHash).HasMaxLength(64);
        builder.Property(s => s.UnsubscribeToken).HasMaxLength(64);
        builder.Ignore(s => s.OwnerOrganizationId);
        builder.HasOne<MonitoredComponent>().WithMany().HasForeignKey(s => s.ComponentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ComponentId, s.EmailHash }).IsUnique();
        builder.HasIndex(s => s.UnsubscribeToken).IsUnique();
    }
}
