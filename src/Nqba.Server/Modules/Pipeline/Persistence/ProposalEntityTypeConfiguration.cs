using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Proposals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class ProposalEntityTypeConfiguration(PipelineDbContext context) : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("pipeline_proposals");
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.RecipientEmailHash).HasMaxLength(64);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.OwnerOrganizationId);
        builder.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.DealId, p.CreatedAt });
        builder.HasIndex(p => p.OrganizationId);
        builder.HasIndex(p => p.RecipientEmailHash);
        builder.HasQueryFilter(p => context.TenantOrganizationId == null || p.OrganizationId == context.TenantOrganizationId);
    }
}
