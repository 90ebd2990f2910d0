using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Optimization.Jobs;

namespace Nqba.Server.Modules.Optimization.Persistence;

internal sealed class OptimizationJobEntityTypeConfiguration : IEntityTypeConfiguration<OptimizationJob>
{
    public void Configure(EntityTypeBuilder<OptimizationJob> builder)
    {
        builder.ToTable("optimization_jobs");
        builder.Property(j => j.RequestedBy).HasMaxLength(320);
        builder.Property(j => j.Error).HasMaxLength(2000);
        builder.HasIndex(j => new { j.Status, j.CreatedAt });
    }
}
