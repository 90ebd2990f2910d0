using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class SqliteSchedulingDbContextFactory : DesignTimeContextFactory<SqliteSchedulingDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_scheduling";

    protected override SqliteSchedulingDbContext Create(DbContextOptions<SqliteSchedulingDbContext> options) => new(options);
}
