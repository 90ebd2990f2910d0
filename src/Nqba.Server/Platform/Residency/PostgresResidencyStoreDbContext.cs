using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Residency;

/// <summary>The residency store on PostgreSQL; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresResidencyStoreDbContext(DbContextOptions<PostgresResidencyStoreDbContext> options) : ResidencyStoreDbContext(options);
