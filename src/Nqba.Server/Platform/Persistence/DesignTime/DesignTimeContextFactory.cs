using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Platform.Persistence.DesignTime;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a provider's context without starting the host
/// (scripts/add-migration.sh generates every module's migrations for both providers). EF finds a factory per
/// context type, so each context declares one line: <c>class SqliteXDbContextFactory : SqliteDesignTimeFactory&lt;SqliteXDbContext&gt;;</c>.
/// The history table comes from the context's <see cref="MigrationHistoryAttribute"/>; the context is built with
/// the options and, where it filters by tenant, the system tenant (no filter).
/// </summary>
/// <typeparam name="TContext">A provider-specific context.</typeparam>
internal abstract class DesignTimeContextFactory<TContext>(DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var db = new DatabaseOptions
        {
            Provider = provider,
            ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=design-time.db" : "Host=127.0.0.1;Database=nqba_design;Username=nqba",
        };
        var history = MigrationHistoryAttribute.Of(typeof(TContext));
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.UseNqbaSqlite(db, ".", history);
        }
        else
        {
            builder.UseNqbaPostgres(db, ".", history);
        }

        var services = new ServiceCollection().AddSingleton<ITenantContext>(SystemTenantContext.Instance).BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<TContext>(services, builder.Options);
    }
}

/// <summary>The design-time factory of a context's SQLite migration set.</summary>
internal abstract class SqliteDesignTimeFactory<TContext>() : DesignTimeContextFactory<TContext>(DatabaseProvider.Sqlite)
    where TContext : DbContext;

/// <summary>The design-time factory of a context's PostgreSQL migration set.</summary>
internal abstract class PostgresDesignTimeFactory<TContext>() : DesignTimeContextFactory<TContext>(DatabaseProvider.Postgres)
    where TContext : DbContext;
