using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Pipeline.Persistence;

/// <summary>Deals and their stage history; tables prefixed <c>pipeline_</c>.</summary>
[MigrationHistory("__ef_pipeline")]
internal class PipelineDbContext(DbContextOptions options, ITenantContext tenant) : ModuleDbContext(options)
{
    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealStageChange> StageChanges => Set<DealStageChange>();

    /// <summary>The organization the current caller is confined to; null for staff.</summary>
    internal Guid? TenantOrganizationId => tenant.OrganizationId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DealEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new DealStageChangeEntityTypeConfiguration());
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Deal>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(d => d.Version).OriginalValue + 1;
        }
    }
}
