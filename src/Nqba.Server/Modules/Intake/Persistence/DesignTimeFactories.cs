using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Intake.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteIntakeDbContextFactory : SqliteDesignTimeFactory<SqliteIntakeDbContext>;

internal sealed class PostgresIntakeDbContextFactory : PostgresDesignTimeFactory<PostgresIntakeDbContext>;
