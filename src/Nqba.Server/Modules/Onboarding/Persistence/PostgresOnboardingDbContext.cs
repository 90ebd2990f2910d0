using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Onboarding.Persistence;

/// <summary>The onboarding context on Postgres; it exists to carry that provider's migration set.</summary>
internal sealed class PostgresOnboardingDbContext(DbContextOptions<PostgresOnboardingDbContext> options, ITenantContext tenant) : OnboardingDbContext(options, tenant);
