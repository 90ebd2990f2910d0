using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// The base of a module's context: the platform's conventions (UTC dates, decimal precision, enums stored by name)
/// and the shared tables a module writes inside its own transactions (<see cref="ModelConventions.MapModuleShared"/>).
/// A module adds only its own entities, in <see cref="ConfigureModule"/>, one configuration class per entity.
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

    /// <summary>Maps the module's own entities.</summary>
    protected abstract void ConfigureModule(ModelBuilder modelBuilder);
}
