using Nqba.Server.Platform.Residency;

namespace Nqba.Server.Platform.Persistence.DesignTime;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqlitePlatformDbContextFactory : SqliteDesignTimeFactory<SqlitePlatformDbContext>;

internal sealed class PostgresPlatformDbContextFactory : PostgresDesignTimeFactory<PostgresPlatformDbContext>;

internal sealed class SqliteResidencyStoreDbContextFactory : SqliteDesignTimeFactory<SqliteResidencyStoreDbContext>;

internal sealed class PostgresResidencyStoreDbContextFactory : PostgresDesignTimeFactory<PostgresResidencyStoreDbContext>;
