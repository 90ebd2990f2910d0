using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Catalog;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class MonitoredComponentEntityTypeConfiguration : IEntityTypeConfiguration<MonitoredComponent>
{
    public void Configure(EntityTypeBuilder<MonitoredComponent> builder)
    {
        builder.ToTable("monitoring_components");
        builder.Property(c => c.Key).HasMaxLength(80);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.UnitCode).HasMaxLength(80);
        builder.Property(c => c.UnitName).HasMaxLength(200);
        builder.Property(c => c.TargetPercent).HasPrecision(7, 4);
        builder.HasIndex(c => c.Key).IsUnique();
    }
}
