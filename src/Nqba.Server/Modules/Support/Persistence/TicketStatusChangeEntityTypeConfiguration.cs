using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class TicketStatusChangeEntityTypeConfiguration(SupportDbContext context) : IEntityTypeConfiguration<TicketStatusChange>
{
    public void Configure(EntityTypeBuilder<TicketStatusChange> builder)
    {
        builder.ToTable("support_status_changes");
        builder.Property(c => c.By).HasMaxLength(320);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.TicketId, c.At });
        builder.HasQueryFilter(c => context.TenantOrganizationId == null || c.OrganizationId == context.TenantOrganizationId);
    }
}
