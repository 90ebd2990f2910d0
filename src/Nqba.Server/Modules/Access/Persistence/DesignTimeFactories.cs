using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Access.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteAccessDbContextFactory : SqliteDesignTimeFactory<SqliteAccessDbContext>;

internal sealed class PostgresAccessDbContextFactory : PostgresDesignTimeFactory<PostgresAccessDbContext>;
