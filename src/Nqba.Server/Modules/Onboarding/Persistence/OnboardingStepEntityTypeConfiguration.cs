using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Modules.Onboarding.Persistence;

internal sealed class OnboardingStepEntityTypeConfiguration : IEntityTypeConfiguration<OnboardingStep>
{
    public void Configure(EntityTypeBuilder<OnboardingStep> builder)
    {
        builder.ToTable("onboarding_steps");
        builder.Property(s => s.CompletedBy).HasMaxLength(200);
        builder.Property(s => s.Evidence).HasMaxLength(2000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.OnboardingId, s.Kind }).IsUnique();
        builder.HasIndex(s => new { s.Status, s.DueAt });
    }
}
