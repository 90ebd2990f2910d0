using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Scheduling.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteSchedulingDbContextFactory : SqliteDesignTimeFactory<SqliteSchedulingDbContext>;

internal sealed class PostgresSchedulingDbContextFactory : PostgresDesignTimeFactory<PostgresSchedulingDbContext>;
