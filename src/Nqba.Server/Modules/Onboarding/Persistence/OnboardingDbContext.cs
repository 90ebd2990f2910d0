using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Onboarding.Persistence;

/// <summary>Client onboardings and their steps; tables prefixed <c>onboarding_</c>.</summary>
[MigrationHistory("__ef_onboarding")]
internal class OnboardingDbContext(DbContextOptions options, ITenantContext tenant) : ModuleDbContext(options)
{
    public DbSet<ClientOnboarding> Onboardings => Set<ClientOnboarding>();

    public DbSet<OnboardingStep> Steps => Set<OnboardingStep>();

    public DbSet<OnboardingPayment> Payments => Set<OnboardingPayment>();

    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();

    public DbSet<TrainingAttendance> TrainingAttendance => Set<TrainingAttendance>();

    /// <summary>The organization the current caller is confined to; null for staff.</summary>
    internal Guid? TenantOrganizationId => tenant.OrganizationId;

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<OnboardingStep>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(s => s.Version).OriginalValue + 1;
        }

        foreach (var entry in ChangeTracker.Entries<OnboardingPayment>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(p => p.Version).OriginalValue + 1;
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ClientOnboardingEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new OnboardingStepEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OnboardingPaymentEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new TrainingSessionEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new TrainingAttendanceEntityTypeConfiguration(this));
    }
}
