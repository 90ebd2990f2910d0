using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Persistence.DesignTime;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Access.Persistence;

internal sealed class PostgresAccessDbContextFactory : DesignTimeContextFactory<PostgresAccessDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_access";

    protected override PostgresAccessDbContext Create(DbContextOptions<PostgresAccessDbContext> options) => new(options, SystemTenantContext.Instance);
}
