using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Intake.Persistence;

/// <summary>The intake context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresIntakeDbContext(DbContextOptions<PostgresIntakeDbContext> options, ITenantContext tenant) : IntakeDbContext(options, tenant);
