using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Catalog;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class ServiceMonitorEntityTypeConfiguration : IEntityTypeConfiguration<ServiceMonitor>
{
    public void Configure(EntityTypeBuilder<ServiceMonitor> builder)
    {
        builder.ToTable("monitoring_monitors");
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Target).HasMaxLength(2000);
        builder.Property(m => m.StandbyTarget).HasMaxLength(2000);
        builder.Property(m => m.Keyword).HasMaxLength(500);
        builder.Property(m => m.JsonPath).HasMaxLength(500);
        builder.Property(m => m.JsonExpected).HasMaxLength(500);
        builder.Property(m => m.HeartbeatTokenHash).HasMaxLength(64);
        builder.Property(m => m.LastMessage).HasMaxLength(1000);
        builder.Ignore(m => m.EffectiveTarget);
        builder.HasOne<MonitoredComponent>().WithMany().HasForeignKey(m => m.ComponentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.NextDueAt);
        builder.HasIndex(m => m.HeartbeatTokenHash).IsUnique();
    }
}
