using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Monitoring.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteMonitoringDbContextFactory : SqliteDesignTimeFactory<SqliteMonitoringDbContext>;

internal sealed class PostgresMonitoringDbContextFactory : PostgresDesignTimeFactory<PostgresMonitoringDbContext>;
