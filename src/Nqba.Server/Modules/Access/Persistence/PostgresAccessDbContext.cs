using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Access.Persistence;

/// <summary>The access context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options, ITenantContext tenant) : AccessDbContext(options, tenant);
