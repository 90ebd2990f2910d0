using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class TicketMessageEntityTypeConfiguration(SupportDbContext context) : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> builder)
    {
        builder.ToTable("support_messages");
        builder.Property(m => m.AuthorName).HasMaxLength(1000);
        builder.Property(m => m.Body).HasMaxLength(200_000);
        builder.Property(m => m.BodyHtml).HasMaxLength(400_000);
        builder.Property(m => m.EmailMessageId).HasMaxLength(500);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.TicketId, m.At });
        builder.HasIndex(m => m.EmailMessageId);
        builder.Property(m => m.ExternalId).HasMaxLength(200);
        builder.HasIndex(m => new { m.TicketId, m.ExternalId }).IsUnique();
        builder.HasQueryFilter(m => context.TenantOrganizationId == null || m.OrganizationId == context.TenantOrganizationId);
    }
}
