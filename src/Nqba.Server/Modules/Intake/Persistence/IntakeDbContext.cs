using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Intake.Persistence;

/// <summary>Leads and (later) assessments and routing decisions; tables prefixed <c>intake_</c>.</summary>
internal class IntakeDbContext(DbContextOptions options, ITenantContext tenant) : DbContext(options)
{
    public DbSet<Lead> Leads => Set<Lead>();

    private Guid? TenantOrganizationId => tenant.OrganizationId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.ApplyPlatformConventions();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapEventOutbox();
        modelBuilder.Entity<Lead>(b =>
        {
            b.ToTable("intake_leads");
            b.Property(l => l.ContactName).HasMaxLength(200);
            b.Property(l => l.ContactEmail).HasMaxLength(320);
            b.Property(l => l.Notes).HasMaxLength(4000);
            b.HasIndex(l => l.ClientOrganizationId);
            b.HasIndex(l => l.CapturedAt);
            b.HasQueryFilter(l => TenantOrganizationId == null || l.ClientOrganizationId == TenantOrganizationId);
        });
    }
}
