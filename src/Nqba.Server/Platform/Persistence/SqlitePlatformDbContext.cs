using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Persistence;

/// <summary>The platform context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options);
