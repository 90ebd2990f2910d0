using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Checks;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class CheckResultEntityTypeConfiguration : IEntityTypeConfiguration<CheckResult>
{
    public void Configure(EntityTypeBuilder<CheckResult> builder)
    {
        builder.ToTable("monitoring_check_results");
        builder.Property(r => r.Message).HasMaxLength(1000);
        builder.HasOne<ServiceMonitor>().WithMany().HasForeignKey(r => r.MonitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.MonitorId, r.At });
    }
}
