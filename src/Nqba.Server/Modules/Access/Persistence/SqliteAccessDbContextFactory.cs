using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Access.Persistence;

internal sealed class SqliteAccessDbContextFactory : DesignTimeContextFactory<SqliteAccessDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_access";

    protected override SqliteAccessDbContext Create(DbContextOptions<SqliteAccessDbContext> options) => new(options, SystemTenantContext.Instance);
}
