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

    /// <summary>The organization the current caller is confined to; null for staff. The tenant query filters read it per query.</summary>
    internal Guid? TenantOrganizationId => tenant.OrganizationId;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new LeadEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new ContactEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new LeadAssessmentEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new RoutingDecisionEntityTypeConfiguration(this));
    }
}
