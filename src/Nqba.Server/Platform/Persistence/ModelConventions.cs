using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Persistence;

/// <summary>Conventions every module's DbContext applies.</summary>
internal static class ModelConventions
{
    public static void ApplyPlatformConventions(this ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
    }

    /// <summary>
    /// Maps the shared event log into a module's model so the module writes its events in the same
    /// transaction as its own changes. Only the platform's context owns the table's migrations.
    /// </summary>
    public static void MapEventOutbox(this ModelBuilder modelBuilder, bool ownsTable = false)
    {
        modelBuilder.ApplyConfiguration(new StoredEventEntityTypeConfiguration(ownsTable));
    }

    /// <summary>
    /// The platform's tables every module writes in its own transactions: the event outbox, the data keys (a new
    /// person's key saved with their first record) and the audit outbox (an entry saved with its change).
    /// </summary>
    public static ModelBuilder MapModuleShared(this ModelBuilder modelBuilder)
    {
        modelBuilder.MapEventOutbox();
        modelBuilder.MapDataKeys();
        modelBuilder.MapAuditOutbox();
        return modelBuilder;
    }
}
