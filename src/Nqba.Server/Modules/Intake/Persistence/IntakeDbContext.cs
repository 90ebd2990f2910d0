using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Contacts;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Intake.Persistence;

/// <summary>Leads and (later) assessments and routing decisions; tables prefixed <c>intake_</c>.</summary>
[MigrationHistory("__ef_intake")]
internal class IntakeDbContext(DbContextOptions options, ITenantContext tenant) : ModuleDbContext(options)
{
    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<LeadAssessment> Assessments => Set<LeadAssessment>();

    public DbSet<RoutingDecision> RoutingDecisions => Set<RoutingDecision>();

    private Guid? TenantOrganizationId => tenant.OrganizationId;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Lead>(b =>
        {
            b.ToTable("intake_leads");
            // Encrypted columns hold enc1: + base64url(key id, nonce, tag, ciphertext): about 4/3 of the plaintext + 64.
            b.Property(l => l.ContactName).HasMaxLength(1000);
            b.Property(l => l.ContactEmail).HasMaxLength(1000);
            b.Property(l => l.ContactEmailHash).HasMaxLength(64);
            b.Property(l => l.Notes).HasMaxLength(20000);
            b.Ignore(l => l.OwnerOrganizationId);
            b.HasIndex(l => l.ContactEmailHash);
            b.Property(l => l.CompanyName).HasMaxLength(200);
            b.Property(l => l.RegionCode).HasMaxLength(40);
            b.Property(l => l.Language).HasMaxLength(10);
            b.Property(l => l.UnitCode).HasMaxLength(40);
            b.Property(l => l.MeetingType).HasMaxLength(40);
            b.Property(l => l.SpecialistName).HasMaxLength(200);
            b.Property(l => l.SkillTags).HasMaxLength(500);
            b.HasIndex(l => l.SpecialistId);
            b.HasIndex(l => l.ClientOrganizationId);
            b.HasIndex(l => l.CapturedAt);
            b.HasQueryFilter(l => TenantOrganizationId == null || l.ClientOrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<Contact>(b =>
        {
            b.ToTable("intake_contacts");
            b.Property(c => c.Name).HasMaxLength(1000);
            b.Property(c => c.Email).HasMaxLength(1000);
            b.Property(c => c.EmailHash).HasMaxLength(64);
            b.Property(c => c.Phone).HasMaxLength(200);
            b.Property(c => c.Language).HasMaxLength(10);
            b.Ignore(c => c.OwnerOrganizationId);
            b.HasIndex(c => c.EmailHash).IsUnique();
            b.HasIndex(c => c.ClientOrganizationId);
            b.HasQueryFilter(c => TenantOrganizationId == null || c.ClientOrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<LeadAssessment>(b =>
        {
            b.ToTable("intake_assessments");
            b.HasIndex(a => a.LeadId).IsUnique();
            b.Property(a => a.AnswersJson).HasMaxLength(20000);
            b.Property(a => a.OutcomeJson).HasMaxLength(40000);
            b.Property(a => a.RecommendedUnit).HasMaxLength(40);
            b.Property(a => a.RunnerUpUnit).HasMaxLength(40);
            b.Property(a => a.MeetingType).HasMaxLength(40);
            b.Property(a => a.UnitOverride).HasMaxLength(40);
            b.Property(a => a.MeetingTypeOverride).HasMaxLength(40);
            b.Property(a => a.OverrideReason).HasMaxLength(1000);
            b.Property(a => a.OverriddenBy).HasMaxLength(320);
            b.Ignore(a => a.EffectiveUnit);
            b.Ignore(a => a.EffectiveMeetingType);
            b.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(a => TenantOrganizationId == null || a.ClientOrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<RoutingDecision>(b =>
        {
            b.ToTable("intake_routing_decisions");
            b.Property(d => d.SpecialistName).HasMaxLength(200);
            b.Property(d => d.UnitCode).HasMaxLength(40);
            b.Property(d => d.Reason).HasMaxLength(2000);
            b.Property(d => d.Method).HasMaxLength(60);
            b.Property(d => d.DecidedBy).HasMaxLength(320);
            b.HasIndex(d => d.LeadId);
            b.HasIndex(d => new { d.SpecialistId, d.DecidedAt });
            b.HasOne<Lead>().WithMany().HasForeignKey(d => d.LeadId).OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(d => TenantOrganizationId == null || d.ClientOrganizationId == TenantOrganizationId);
        });
    }
}
