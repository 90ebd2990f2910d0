using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Optimization.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteOptimizationDbContextFactory : SqliteDesignTimeFactory<SqliteOptimizationDbContext>;

internal sealed class PostgresOptimizationDbContextFactory : PostgresDesignTimeFactory<PostgresOptimizationDbContext>;
