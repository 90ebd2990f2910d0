using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Persistence.DesignTime;

internal sealed class PostgresPlatformDbContextFactory : DesignTimeContextFactory<PostgresPlatformDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_platform";

    protected override PostgresPlatformDbContext Create(DbContextOptions<PostgresPlatformDbContext> options) => new(options);
}
