using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Incidents;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class IncidentTicketEntityTypeConfiguration : IEntityTypeConfiguration<IncidentTicket>
{
    public void Configure(EntityTypeBuilder<IncidentTicket> builder)
    {
        builder.ToTable("monitoring_incident_tickets");
        builder.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.IncidentId, l.TicketId }).IsUnique();
        builder.HasIndex(l => l.TicketId);
    }
}
