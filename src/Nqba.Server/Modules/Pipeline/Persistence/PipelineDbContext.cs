using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Catalogue;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Proposals;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Pipeline.Persistence;

/// <summary>Deals with their stage history, products and notes, the product catalogue, proposals with their versions and contract signatures; tables prefixed <c>pipeline_</c>.</summary>
[MigrationHistory("__ef_pipeline")]
internal class PipelineDbContext(DbContextOptions options, ITenantContext tenant) : ModuleDbContext(options)
{
    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<DealStageChange> StageChanges => Set<DealStageChange>();

    public DbSet<DealHeldMove> HeldMoves => Set<DealHeldMove>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<ProposalVersion> ProposalVersions => Set<ProposalVersion>();

    public DbSet<ContractSignature> ContractSignatures => Set<ContractSignature>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<DealItem> DealItems => Set<DealItem>();

    public DbSet<DealNote> DealNotes => Set<DealNote>();

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
        modelBuilder.ApplyConfiguration(new DealHeldMoveEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ProposalEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new ProposalVersionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ProposalLineItemEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ContractSignatureEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new ProductEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DealItemEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DealNoteEntityTypeConfiguration(this));
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<Deal>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(d => d.Version).OriginalValue + 1;
        }

        foreach (var entry in ChangeTracker.Entries<Product>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(p => p.Version).OriginalValue + 1;
        }

        foreach (var entry in ChangeTracker.Entries<Proposal>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(p => p.Version).OriginalValue + 1;
        }
    }
}
