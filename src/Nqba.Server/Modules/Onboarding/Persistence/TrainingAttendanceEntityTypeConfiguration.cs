using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Modules.Onboarding.Persistence;

internal sealed class TrainingAttendanceEntityTypeConfiguration(OnboardingDbContext context) : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> builder)
    {
        builder.ToTable("onboarding_training_attendance");
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        // A user attends a session once, however often (or concurrently) it is recorded.
        builder.HasIndex(a => new { a.SessionId, a.UserId }).IsUnique();
        builder.HasQueryFilter(a => context.TenantOrganizationId == null || a.OrganizationId == context.TenantOrganizationId);
    }
}
