using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Events;

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
}
