using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Runbooks;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class RunbookEntityTypeConfiguration : IEntityTypeConfiguration<Runbook>
{
    public void Configure(EntityTypeBuilder<Runbook> builder)
    {
        builder.ToTable("monitoring_runbooks");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Url).HasMaxLength(2000);
        builder.Property(r => r.Command).HasMaxLength(100);
        builder.HasOne<MonitoredComponent>().WithMany().HasForeignKey(r => r.ComponentId).OnDelete(DeleteBehavior.Cascade);
    }
}
