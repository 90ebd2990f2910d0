using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Residency;

/// <summary>A residency zone's store of encrypted field values (table <c>residency_values</c>).</summary>
[MigrationHistory(HistoryTable)]
internal class ResidencyStoreDbContext(DbContextOptions options) : DbContext(options)
{
    public const string HistoryTable = "__ef_residency";

    public DbSet<ResidentValue> Values => Set<ResidentValue>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.ApplyPlatformConventions();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<ResidentValue>(b =>
        {
            b.ToTable("residency_values");
            b.Property(v => v.Value).HasMaxLength(40000);
        });
}
