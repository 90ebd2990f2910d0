using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Optimization.Persistence;

/// <summary>The optimization context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteOptimizationDbContext(DbContextOptions<SqliteOptimizationDbContext> options) : OptimizationDbContext(options);
