using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Persistence;

/// <summary>Tickets, messages, SLA alerts, teams, agents and surveys; tables prefixed <c>support_</c>.</summary>
[MigrationHistory("__ef_support")]
internal class SupportDbContext(DbContextOptions options, ITenantContext tenant) : ModuleDbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketMessage> Messages => Set<TicketMessage>();

    public DbSet<TicketAttachment> Attachments => Set<TicketAttachment>();

    public DbSet<TicketStatusChange> StatusChanges => Set<TicketStatusChange>();

    public DbSet<CallbackTask> Callbacks => Set<CallbackTask>();

    public DbSet<SlaAlert> SlaAlerts => Set<SlaAlert>();

    public DbSet<SupportTeam> Teams => Set<SupportTeam>();

    public DbSet<SupportAgent> Agents => Set<SupportAgent>();

    public DbSet<SurveyInvitation> Surveys => Set<SurveyInvitation>();

    /// <summary>The organization the current caller is confined to; null for staff. The tenant query filters read it per query.</summary>
    internal Guid? TenantOrganizationId => tenant.OrganizationId;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CountTicketVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CountTicketVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Every write of a ticket, whichever code makes it, moves its version on: its update is then checked against the
    // version it was read at (a concurrency token), and clients holding the old ETag see that it changed.
    private void CountTicketVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.Version = entry.Property(t => t.Version).OriginalValue + 1;
        }
    }

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TicketEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new TicketCounterEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TicketMessageEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new TicketAttachmentEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new TicketStatusChangeEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new CallbackTaskEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new SlaAlertEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new SupportTeamEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new SupportAgentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new SurveyInvitationEntityTypeConfiguration(this));
    }
}
