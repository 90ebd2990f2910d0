using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Optimization.Persistence;

/// <summary>The optimization context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresOptimizationDbContext(DbContextOptions<PostgresOptimizationDbContext> options) : OptimizationDbContext(options);
