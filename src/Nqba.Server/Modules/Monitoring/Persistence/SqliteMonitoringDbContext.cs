using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Monitoring.Persistence;

/// <summary>The monitoring context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteMonitoringDbContext(DbContextOptions<SqliteMonitoringDbContext> options) : MonitoringDbContext(options);
