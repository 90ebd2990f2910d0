using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Scheduling.Persistence;

/// <summary>The scheduling context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteSchedulingDbContext(DbContextOptions<SqliteSchedulingDbContext> options) : SchedulingDbContext(options);
