using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Persistence;

/// <summary>The support context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresSupportDbContext(DbContextOptions<PostgresSupportDbContext> options, ITenantContext tenant) : SupportDbContext(options, tenant);
