using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Incidents;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class IncidentUpdateEntityTypeConfiguration : IEntityTypeConfiguration<IncidentUpdate>
{
    public void Configure(EntityTypeBuilder<IncidentUpdate> builder)
    {
        builder.ToTable("monitoring_incident_updates");
        builder.Property(u => u.Message).HasMaxLength(4000);
    }
}
