using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Persistence;

/// <summary>The platform context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options);
