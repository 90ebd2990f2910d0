using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Optimization.Jobs;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Optimization.Persistence;

/// <summary>Optimization jobs (tables prefixed <c>optimization_</c>).</summary>
[MigrationHistory("__ef_optimization")]
internal class OptimizationDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<OptimizationJob> Jobs => Set<OptimizationJob>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OptimizationJobEntityTypeConfiguration());
    }
}
