using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Intake.Persistence;

internal sealed class PostgresIntakeDbContextFactory : DesignTimeContextFactory<PostgresIntakeDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_intake";

    protected override PostgresIntakeDbContext Create(DbContextOptions<PostgresIntakeDbContext> options) => new(options, SystemTenantContext.Instance);
}
