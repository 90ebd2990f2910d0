using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Uptime;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class StateIntervalEntityTypeConfiguration : IEntityTypeConfiguration<StateInterval>
{
    public void Configure(EntityTypeBuilder<StateInterval> builder)
    {
        builder.ToTable("monitoring_state_intervals");
        builder.HasOne<MonitoredComponent>().WithMany().HasForeignKey(i => i.ComponentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.ComponentId, i.From });
    }
}
