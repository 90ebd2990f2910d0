using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Intake.Leads;

namespace Nqba.Server.Modules.Intake.Persistence;

internal sealed class LeadEntityTypeConfiguration(IntakeDbContext context) : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.ToTable("intake_leads");
        // Encrypted columns hold enc1: + base64url(key id, nonce, tag, ciphertext): about 4/3 of the plaintext + 64.
        builder.Property(l => l.ContactName).HasMaxLength(1000);
        builder.Property(l => l.ContactEmail).HasMaxLength(1000);
        builder.Property(l => l.ContactEmailHash).HasMaxLength(64);
        builder.Property(l => l.Notes).HasMaxLength(20000);
        builder.Ignore(l => l.OwnerOrganizationId);
        builder.HasIndex(l => l.ContactEmailHash);
        builder.Property(l => l.CompanyName).HasMaxLength(200);
        builder.Property(l => l.RegionCode).HasMaxLength(40);
        builder.Property(l => l.Language).HasMaxLength(10);
        builder.Property(l => l.UnitCode).HasMaxLength(40);
        builder.Property(l => l.MeetingType).HasMaxLength(40);
        builder.Property(l => l.SpecialistName).HasMaxLength(200);
        builder.Property(l => l.SkillTags).HasMaxLength(500);
        builder.HasIndex(l => l.SpecialistId);
        builder.HasIndex(l => l.ClientOrganizationId);
        // The leads workspace's columns, in capture order (its default order): its filters and counts read this
        // narrow index instead of the wide rows (the encrypted contact columns), and the table only for a page's rows.
        builder.HasIndex(
            l => new { l.CapturedAt, l.UnitCode, l.Tier, l.RegionCode, l.Score, l.SpecialistId, l.ResponseDueAt, l.FirstTouchedAt, l.EscalatedAt, l.BreachedAt, l.CompanyName, l.SpecialistName },
            "IX_intake_leads_workspace");
        builder.HasQueryFilter(l => context.TenantOrganizationId == null || l.ClientOrganizationId == context.TenantOrganizationId);
    }
}
