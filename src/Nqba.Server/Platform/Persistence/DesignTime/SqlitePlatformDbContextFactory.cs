using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Persistence.DesignTime;

internal sealed class SqlitePlatformDbContextFactory : DesignTimeContextFactory<SqlitePlatformDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => "__ef_platform";

    protected override SqlitePlatformDbContext Create(DbContextOptions<SqlitePlatformDbContext> options) => new(options);
}
