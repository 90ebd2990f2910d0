using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Residency;

namespace Nqba.Server.Platform.Persistence.DesignTime;

internal sealed class SqliteResidencyStoreDbContextFactory : DesignTimeContextFactory<SqliteResidencyStoreDbContext>
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string HistoryTable => ResidencyStoreDbContext.HistoryTable;

    protected override SqliteResidencyStoreDbContext Create(DbContextOptions<SqliteResidencyStoreDbContext> options) => new(options);
}
