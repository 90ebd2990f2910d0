using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Residency;

namespace Nqba.Server.Platform.Persistence.DesignTime;

internal sealed class PostgresResidencyStoreDbContextFactory : DesignTimeContextFactory<PostgresResidencyStoreDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string HistoryTable => ResidencyStoreDbContext.HistoryTable;

    protected override PostgresResidencyStoreDbContext Create(DbContextOptions<PostgresResidencyStoreDbContext> options) => new(options);
}
