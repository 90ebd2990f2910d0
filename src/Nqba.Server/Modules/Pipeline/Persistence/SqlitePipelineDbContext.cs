using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Pipeline.Persistence;

/// <summary>The pipeline context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqlitePipelineDbContext(DbContextOptions<SqlitePipelineDbContext> options, ITenantContext tenant) : PipelineDbContext(options, tenant);
