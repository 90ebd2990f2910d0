using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Nqba.Server.Platform.Persistence.DesignTime;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build each provider's context without starting the host
/// (scripts/add-migration.sh generates every module's migrations for both providers).
/// </summary>
/// <typeparam name="TContext">A provider-specific module context.</typeparam>
internal abstract class DesignTimeContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    protected abstract DatabaseProvider Provider { get; }

    protected abstract string HistoryTable { get; }

    public TContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        var db = new DatabaseOptions
        {
            Provider = Provider,
            ConnectionString = Provider == DatabaseProvider.Sqlite ? "Data Source=design-time.db" : "Host=127.0.0.1;Database=nqba_design;Username=nqba",
        };
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseNqbaSqlite(db, ".", HistoryTable);
        }
        else
        {
            builder.UseNqbaPostgres(db, ".", HistoryTable);
        }

        return Create(builder.Options);
    }

    protected abstract TContext Create(DbContextOptions<TContext> options);
}
