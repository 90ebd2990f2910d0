using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Onboarding.Persistence;

// `dotnet ef` finds a design-time factory per context type; everything else is in DesignTimeContextFactory.
internal sealed class SqliteOnboardingDbContextFactory : SqliteDesignTimeFactory<SqliteOnboardingDbContext>;

internal sealed class PostgresOnboardingDbContextFactory : PostgresDesignTimeFactory<PostgresOnboardingDbContext>;
