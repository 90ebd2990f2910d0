using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// The base of a module's context: the platform's conventions (UTC dates, decimal precision, enums stored by name)
/// and the shared tables a module writes inside its own transactions (<see cref="ModelConventions.MapModuleShared"/>).
/// A module adds only its own entities, in <see cref="ConfigureModule"/>: one <see cref="IEntityTypeConfiguration{TEntity}"/>
/// per entity in the module's Persistence folder, applied with <c>modelBuilder.ApplyConfiguration(new …())</c>. A configuration
/// that needs the context's state takes it through its constructor; a tenant query filter reads the context passed in
/// (EF replaces it with the querying context), never a captured <c>ITenantContext</c>, since the model is built once and cached.
/// </summary>
internal abstract class ModuleDbContext(DbContextOptions options) : DbContext(options)
{
    protected sealed override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.ApplyPlatformConventions();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected sealed override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapModuleShared();
        ConfigureModule(modelBuilder);
    }

    /// <summary>Maps the module's own entities by applying their configuration classes.</summary>
    protected abstract void ConfigureModule(ModelBuilder modelBuilder);
}
