using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;

namespace Nqba.Server.Modules.Optimization.Persistence;

internal sealed class SqliteOptimizationDbContextFactory : DesignTimeContextFactory<SqliteOptimizationDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_optimization";

    protected override SqliteOptimizationDbContext Create(DbContextOptions<SqliteOptimizationDbContext> options) => new(options);
}
