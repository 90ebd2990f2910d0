using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Support.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteSupportDbContextFactory : SqliteDesignTimeFactory<SqliteSupportDbContext>;

internal sealed class PostgresSupportDbContextFactory : PostgresDesignTimeFactory<PostgresSupportDbContext>;
