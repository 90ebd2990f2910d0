using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Trading.Persistence;

/// <summary>The trading context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteTradingDbContext(DbContextOptions<SqliteTradingDbContext> options) : TradingDbContext(options);
