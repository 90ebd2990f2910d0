using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Scheduling.Persistence;

/// <summary>The scheduling context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresSchedulingDbContext(DbContextOptions<PostgresSchedulingDbContext> options) : SchedulingDbContext(options);
