using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Onboarding.Persistence;

/// <summary>The onboarding context on Sqlite; it exists to carry that provider's migration set.</summary>
internal sealed class SqliteOnboardingDbContext(DbContextOptions<SqliteOnboardingDbContext> options, ITenantContext tenant) : OnboardingDbContext(options, tenant);
