using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Intake.Persistence;

internal sealed class SqliteIntakeDbContextFactory : DesignTimeContextFactory<SqliteIntakeDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_intake";

    protected override SqliteIntakeDbContext Create(DbContextOptions<SqliteIntakeDbContext> options) => new(options, SystemTenantContext.Instance);
}
