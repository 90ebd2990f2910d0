using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class TicketEntityTypeConfiguration(SupportDbContext context) : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("support_tickets");
        builder.Property(t => t.RegionCode).HasMaxLength(40);
        builder.Property(t => t.Language).HasMaxLength(10);
        builder.Property(t => t.Subject).HasMaxLength(2000);
        builder.Property(t => t.RequesterName).HasMaxLength(1000);
        builder.Property(t => t.RequesterEmail).HasMaxLength(1500);
        builder.Property(t => t.RequesterEmailHash).HasMaxLength(64);
        builder.HasIndex(t => t.RequesterEmailHash);
        builder.Property(t => t.Tags).HasMaxLength(500);
        builder.Property(t => t.SlaPolicy).HasMaxLength(80);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.IsOpen);
        builder.HasIndex(t => t.Number).IsUnique();
        builder.Property(t => t.ExternalSource).HasMaxLength(40);
        builder.Property(t => t.ExternalId).HasMaxLength(200);
        builder.HasIndex(t => new { t.ExternalSource, t.ExternalId }).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.CreatedAt });
        builder.HasIndex(t => new { t.Status, t.AssigneeId });
        builder.HasIndex(t => t.FirstResponseWarnAt);
        builder.HasIndex(t => t.NextResponseWarnAt);
        builder.HasIndex(t => t.ResolutionWarnAt);
        builder.HasQueryFilter(t => context.TenantOrganizationId == null || t.OrganizationId == context.TenantOrganizationId);
    }
}
