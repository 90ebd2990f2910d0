using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Access.Persistence;

/// <summary>The access context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options, ITenantContext tenant) : AccessDbContext(options, tenant);
