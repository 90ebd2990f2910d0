using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Optimization.Persistence;

internal sealed class PostgresOptimizationDbContextFactory : DesignTimeContextFactory<PostgresOptimizationDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_optimization";

    protected override PostgresOptimizationDbContext Create(DbContextOptions<PostgresOptimizationDbContext> options) => new(options);
}
