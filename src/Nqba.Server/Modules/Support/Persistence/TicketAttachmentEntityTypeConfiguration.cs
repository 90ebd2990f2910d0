using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class TicketAttachmentEntityTypeConfiguration(SupportDbContext context) : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> builder)
    {
        builder.ToTable("support_attachments");
        builder.Property(a => a.FileName).HasMaxLength(1000);
        builder.Property(a => a.ContentType).HasMaxLength(200);
        builder.HasOne<TicketMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.TicketId);
        builder.HasQueryFilter(a => context.TenantOrganizationId == null || a.OrganizationId == context.TenantOrganizationId);
    }
}
