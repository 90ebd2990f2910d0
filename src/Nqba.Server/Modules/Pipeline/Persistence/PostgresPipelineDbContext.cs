using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Pipeline.Persistence;

/// <summary>The pipeline context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresPipelineDbContext(DbContextOptions<PostgresPipelineDbContext> options, ITenantContext tenant) : PipelineDbContext(options, tenant);
