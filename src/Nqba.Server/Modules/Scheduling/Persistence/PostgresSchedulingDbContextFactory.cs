using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class PostgresSchedulingDbContextFactory : DesignTimeContextFactory<PostgresSchedulingDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_scheduling";

    protected override PostgresSchedulingDbContext Create(DbContextOptions<PostgresSchedulingDbContext> options) => new(options);
}
