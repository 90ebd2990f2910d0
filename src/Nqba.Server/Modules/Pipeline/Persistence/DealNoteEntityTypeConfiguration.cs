using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Deals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class DealNoteEntityTypeConfiguration(PipelineDbContext context) : IEntityTypeConfiguration<DealNote>
{
    public void Configure(EntityTypeBuilder<DealNote> builder)
    {
        builder.ToTable("pipeline_deal_notes");
        builder.Property(n => n.By).HasMaxLength(200);
        builder.Ignore(n => n.OwnerOrganizationId);
        builder.HasIndex(n => new { n.DealId, n.At });
        builder.HasIndex(n => n.OrganizationId);
        builder.HasOne<Deal>().WithMany().HasForeignKey(n => n.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasQueryFilter(n => context.TenantOrganizationId == null || n.OrganizationId == context.TenantOrganizationId);
    }
}
