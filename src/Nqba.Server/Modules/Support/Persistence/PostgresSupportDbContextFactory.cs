using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class PostgresSupportDbContextFactory : DesignTimeContextFactory<PostgresSupportDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_support";

    protected override PostgresSupportDbContext Create(DbContextOptions<PostgresSupportDbContext> options) => new(options, SystemTenantContext.Instance);
}
