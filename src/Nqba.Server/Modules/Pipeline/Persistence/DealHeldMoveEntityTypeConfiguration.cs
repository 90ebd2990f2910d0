using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Deals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class DealHeldMoveEntityTypeConfiguration : IEntityTypeConfiguration<DealHeldMove>
{
    public void Configure(EntityTypeBuilder<DealHeldMove> builder)
    {
        builder.ToTable("pipeline_held_moves");
        builder.Property(m => m.UnmetGates).HasMaxLength(500);
        builder.Property(m => m.By).HasMaxLength(200);
        builder.Property(m => m.Reason).HasMaxLength(500);
        builder.HasIndex(m => m.EventId).IsUnique();
        builder.HasIndex(m => new { m.DealId, m.At });
    }
}
