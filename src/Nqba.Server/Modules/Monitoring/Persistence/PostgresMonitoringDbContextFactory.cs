using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class PostgresMonitoringDbContextFactory : DesignTimeContextFactory<PostgresMonitoringDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_monitoring";

    protected override PostgresMonitoringDbContext Create(DbContextOptions<PostgresMonitoringDbContext> options) => new(options);
}
