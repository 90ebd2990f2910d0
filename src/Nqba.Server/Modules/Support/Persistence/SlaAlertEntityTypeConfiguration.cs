using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class SlaAlertEntityTypeConfiguration : IEntityTypeConfiguration<SlaAlert>
{
    public void Configure(EntityTypeBuilder<SlaAlert> builder)
    {
        builder.ToTable("support_sla_alerts");
        builder.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TicketId, a.Clock, a.Kind, a.Cycle }).IsUnique();
    }
}
