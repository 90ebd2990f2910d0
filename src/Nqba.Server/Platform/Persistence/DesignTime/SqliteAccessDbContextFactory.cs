using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;
using Nqba.Server.Modules.Access.Persistence;

namespace Nqba.Server.Platform.Persistence.DesignTime;

internal sealed class SqliteAccessDbContextFactory : DesignTimeContextFactory<SqliteAccessDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_access";

    protected override SqliteAccessDbContext Create(DbContextOptions<SqliteAccessDbContext> options) => new(options, SystemTenantContext.Instance);
}
