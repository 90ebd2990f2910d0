using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Proposals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class ContractSignatureEntityTypeConfiguration(PipelineDbContext context) : IEntityTypeConfiguration<ContractSignature>
{
    public void Configure(EntityTypeBuilder<ContractSignature> builder)
    {
        builder.ToTable("pipeline_contract_signatures");
        builder.Property(s => s.SignerNameHash).HasMaxLength(64);
        builder.Property(s => s.DocumentSha256).HasMaxLength(64);
        builder.Ignore(s => s.OwnerOrganizationId);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(s => s.ProposalId).OnDelete(DeleteBehavior.Cascade);

        // One signature per proposal: two signings racing cannot both be kept.
        builder.HasIndex(s => s.ProposalId).IsUnique();
        builder.HasIndex(s => s.OrganizationId);
        builder.HasQueryFilter(s => context.TenantOrganizationId == null || s.OrganizationId == context.TenantOrganizationId);
    }
}
