using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Trading.Persistence;

/// <summary>The trading context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresTradingDbContext(DbContextOptions<PostgresTradingDbContext> options) : TradingDbContext(options);
