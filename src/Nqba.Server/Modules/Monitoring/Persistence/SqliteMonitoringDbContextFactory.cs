using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class SqliteMonitoringDbContextFactory : DesignTimeContextFactory<SqliteMonitoringDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_monitoring";

    protected override SqliteMonitoringDbContext Create(DbContextOptions<SqliteMonitoringDbContext> options) => new(options);
}
