using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class SqliteSupportDbContextFactory : DesignTimeContextFactory<SqliteSupportDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_support";

    protected override SqliteSupportDbContext Create(DbContextOptions<SqliteSupportDbContext> options) => new(options, SystemTenantContext.Instance);
}
