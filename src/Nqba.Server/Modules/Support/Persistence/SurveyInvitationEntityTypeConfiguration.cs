using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Surveys;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class SurveyInvitationEntityTypeConfiguration(SupportDbContext context) : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("support_surveys");
        builder.Property(s => s.Email).HasMaxLength(1500);
        builder.Property(s => s.EmailHash).HasMaxLength(100);
        builder.Property(s => s.Comment).HasMaxLength(6000);
        builder.HasIndex(s => new { s.EmailHash, s.Kind, s.SentAt });
        builder.HasIndex(s => s.TicketId);
        builder.HasQueryFilter(s => context.TenantOrganizationId == null || s.OrganizationId == context.TenantOrganizationId);
    }
}
