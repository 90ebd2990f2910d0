using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Sla;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class ClientServiceEntityTypeConfiguration : IEntityTypeConfiguration<ClientService>
{
    public void Configure(EntityTypeBuilder<ClientService> builder)
    {
        builder.ToTable("monitoring_client_services");
        builder.Property(s => s.MonthlyFee).HasPrecision(18, 2);
        builder.HasOne<MonitoredComponent>().WithMany().HasForeignKey(s => s.ComponentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OrganizationId, s.ComponentId }).IsUnique();
    }
}
