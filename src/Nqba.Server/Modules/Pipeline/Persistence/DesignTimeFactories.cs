using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Pipeline.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqlitePipelineDbContextFactory : SqliteDesignTimeFactory<SqlitePipelineDbContext>;

internal sealed class PostgresPipelineDbContextFactory : PostgresDesignTimeFactory<PostgresPipelineDbContext>;
