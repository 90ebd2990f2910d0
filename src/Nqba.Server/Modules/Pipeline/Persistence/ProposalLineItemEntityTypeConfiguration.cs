using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Proposals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class ProposalLineItemEntityTypeConfiguration : IEntityTypeConfiguration<ProposalLineItem>
{
    public void Configure(EntityTypeBuilder<ProposalLineItem> builder)
    {
        builder.ToTable("pipeline_proposal_line_items");
        builder.Property(i => i.Description).HasMaxLength(500);
        builder.Property(i => i.UnitPrice).HasPrecision(18, 2);
        builder.Property(i => i.Amount).HasPrecision(18, 2);
        builder.HasIndex(i => new { i.VersionId, i.Position });
    }
}
