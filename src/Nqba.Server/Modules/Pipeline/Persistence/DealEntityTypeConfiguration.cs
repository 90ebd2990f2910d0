using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Deals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class DealEntityTypeConfiguration(PipelineDbContext context) : IEntityTypeConfiguration<Deal>
{
    public void Configure(EntityTypeBuilder<Deal> builder)
    {
        builder.ToTable("pipeline_deals");
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.UnitCode).HasMaxLength(40);
        builder.Property(d => d.Currency).HasMaxLength(3);
        builder.Property(d => d.LostReason).HasMaxLength(100);
        builder.Property(d => d.Value).HasPrecision(18, 2);
        builder.Property(d => d.Version).IsConcurrencyToken();

        // One deal per lead: two deliveries of the lead's events racing to open it cannot make two.
        builder.HasIndex(d => d.LeadId).IsUnique();
        // The board reads each stage of a unit longest-waiting first: this index answers it without sorting.
        builder.HasIndex(d => new { d.UnitCode, d.Stage, d.StageEnteredAt });
        builder.HasIndex(d => d.OwnerId);
        builder.HasIndex(d => d.OrganizationId);
        builder.HasQueryFilter(d => context.TenantOrganizationId == null || d.OrganizationId == context.TenantOrganizationId);
    }
}
