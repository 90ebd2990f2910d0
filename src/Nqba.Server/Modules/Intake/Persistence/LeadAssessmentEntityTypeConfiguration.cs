using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Leads;

namespace Nqba.Server.Modules.Intake.Persistence;

internal sealed class LeadAssessmentEntityTypeConfiguration(IntakeDbContext context) : IEntityTypeConfiguration<LeadAssessment>
{
    public void Configure(EntityTypeBuilder<LeadAssessment> builder)
    {
        builder.ToTable("intake_assessments");
        builder.HasIndex(a => a.LeadId).IsUnique();
        builder.Property(a => a.AnswersJson).HasMaxLength(20000);
        builder.Property(a => a.OutcomeJson).HasMaxLength(40000);
        builder.Property(a => a.RecommendedUnit).HasMaxLength(40);
        builder.Property(a => a.RunnerUpUnit).HasMaxLength(40);
        builder.Property(a => a.MeetingType).HasMaxLength(40);
        builder.Property(a => a.UnitOverride).HasMaxLength(40);
        builder.Property(a => a.MeetingTypeOverride).HasMaxLength(40);
        builder.Property(a => a.OverrideReason).HasMaxLength(1000);
        builder.Property(a => a.OverriddenBy).HasMaxLength(320);
        builder.Ignore(a => a.EffectiveUnit);
        builder.Ignore(a => a.EffectiveMeetingType);
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasQueryFilter(a => context.TenantOrganizationId == null || a.ClientOrganizationId == context.TenantOrganizationId);
    }
}
