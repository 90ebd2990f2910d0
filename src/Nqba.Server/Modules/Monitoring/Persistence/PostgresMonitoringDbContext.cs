using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Monitoring.Persistence;

/// <summary>The monitoring context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresMonitoringDbContext(DbContextOptions<PostgresMonitoringDbContext> options) : MonitoringDbContext(options);
