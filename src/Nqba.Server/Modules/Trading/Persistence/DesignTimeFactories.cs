using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Trading.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteTradingDbContextFactory : SqliteDesignTimeFactory<SqliteTradingDbContext>;

internal sealed class PostgresTradingDbContextFactory : PostgresDesignTimeFactory<PostgresTradingDbContext>;
