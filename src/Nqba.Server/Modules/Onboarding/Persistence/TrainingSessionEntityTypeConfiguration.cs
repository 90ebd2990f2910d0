using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Modules.Onboarding.Persistence;

internal sealed class TrainingSessionEntityTypeConfiguration(OnboardingDbContext context) : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.ToTable("onboarding_training_sessions");
        builder.Property(s => s.Title).HasMaxLength(Training.MaxTitleLength);
        builder.Property(s => s.Role).HasMaxLength(40);
        builder.Property(s => s.CreatedBy).HasMaxLength(200);
        builder.HasOne<ClientOnboarding>().WithMany().HasForeignKey(s => s.OnboardingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Attendance).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OnboardingId, s.StartsAt });
        builder.HasQueryFilter(s => context.TenantOrganizationId == null || s.OrganizationId == context.TenantOrganizationId);
    }
}
