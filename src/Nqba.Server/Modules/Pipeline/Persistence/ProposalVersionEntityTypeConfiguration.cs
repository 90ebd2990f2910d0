using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Proposals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class ProposalVersionEntityTypeConfiguration : IEntityTypeConfiguration<ProposalVersion>
{
    public void Configure(EntityTypeBuilder<ProposalVersion> builder)
    {
        builder.ToTable("pipeline_proposal_versions");
        builder.Property(v => v.Title).HasMaxLength(200);
        builder.Property(v => v.ClientName).HasMaxLength(200);
        builder.Property(v => v.Language).HasMaxLength(5);
        builder.Property(v => v.Subtotal).HasPrecision(18, 2);
        builder.Property(v => v.DiscountAmount).HasPrecision(18, 2);
        builder.Property(v => v.Total).HasPrecision(18, 2);
        builder.Property(v => v.DiscountValue).HasPrecision(18, 2);
        builder.Property(v => v.Terms).HasMaxLength(4000);
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.Property(v => v.SentBy).HasMaxLength(200);
        builder.Property(v => v.DocumentSha256).HasMaxLength(64);
        builder.Property(v => v.DeclineReason).HasMaxLength(1000);
        builder.HasMany(v => v.LineItems).WithOne().HasForeignKey(i => i.VersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.ProposalId, v.Number }).IsUnique();
    }
}
