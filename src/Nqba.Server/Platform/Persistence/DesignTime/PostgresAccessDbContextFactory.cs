using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;
using Nqba.Server.Modules.Access.Persistence;

namespace Nqba.Server.Platform.Persistence.DesignTime;

internal sealed class PostgresAccessDbContextFactory : DesignTimeContextFactory<PostgresAccessDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => "__ef_access";

    protected override PostgresAccessDbContext Create(DbContextOptions<PostgresAccessDbContext> options) => new(options, SystemTenantContext.Instance);
}
