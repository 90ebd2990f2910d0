using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Residency;

/// <summary>The residency store on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteResidencyStoreDbContext(DbContextOptions<SqliteResidencyStoreDbContext> options) : ResidencyStoreDbContext(options);
