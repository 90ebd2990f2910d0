using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Maintenance;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class MaintenanceWindowEntityTypeConfiguration : IEntityTypeConfiguration<MaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindow> builder)
    {
        builder.ToTable("monitoring_maintenance_windows");
        builder.Property(w => w.Title).HasMaxLength(300);
        builder.Property(w => w.LocalStart).HasMaxLength(16);
        builder.Property(w => w.TimeZone).HasMaxLength(64);
        builder.Property(w => w.RecursUntil).HasMaxLength(10);
    }
}
