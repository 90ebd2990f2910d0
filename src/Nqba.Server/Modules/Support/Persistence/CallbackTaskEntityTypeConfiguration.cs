using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class CallbackTaskEntityTypeConfiguration(SupportDbContext context) : IEntityTypeConfiguration<CallbackTask>
{
    public void Configure(EntityTypeBuilder<CallbackTask> builder)
    {
        builder.ToTable("support_callbacks");
        builder.Property(c => c.Note).HasMaxLength(6000);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.DoneAt, c.DueAt });
        builder.HasQueryFilter(c => context.TenantOrganizationId == null || c.OrganizationId == context.TenantOrganizationId);
    }
}
