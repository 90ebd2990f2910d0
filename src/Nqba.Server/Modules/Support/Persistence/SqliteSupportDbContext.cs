using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Persistence;

/// <summary>The support context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteSupportDbContext(DbContextOptions<SqliteSupportDbContext> options, ITenantContext tenant) : SupportDbContext(options, tenant);
