using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Protection;

/// <summary>Mapping the data key table into a module's context, so new keys are saved with the records they encrypt.</summary>
internal static class DataKeyModel
{
    /// <summary>
    /// Maps <c>platform_data_keys</c> (owned by the platform's context and its migrations) into this context, so
    /// <see cref="FieldEncryptionInterceptor"/> can insert a new person's or organization's key in the same transaction
    /// as their first records. The context must use the database the platform's context uses (every module context
    /// does: a residency zone's store holds encrypted values, never keys).
    /// </summary>
    public static ModelBuilder MapDataKeys(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataKey>(b =>
        {
            new DataKeyEntityTypeConfiguration().Configure(b);
            b.ToTable("platform_data_keys", t => t.ExcludeFromMigrations());
        });
        return modelBuilder;
    }
}
