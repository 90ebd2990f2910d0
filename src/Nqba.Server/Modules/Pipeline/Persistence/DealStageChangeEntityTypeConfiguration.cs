using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Deals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class DealStageChangeEntityTypeConfiguration : IEntityTypeConfiguration<DealStageChange>
{
    public void Configure(EntityTypeBuilder<DealStageChange> builder)
    {
        builder.ToTable("pipeline_stage_changes");
        builder.Property(c => c.By).HasMaxLength(200);
        builder.Property(c => c.Reason).HasMaxLength(500);
        builder.HasIndex(c => new { c.DealId, c.At });
        builder.HasOne<Deal>().WithMany().HasForeignKey(c => c.DealId).OnDelete(DeleteBehavior.Cascade);
    }
}
