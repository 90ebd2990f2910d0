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

    private Guid? TenantOrganizationId => tenant.OrganizationId;

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
        modelBuilder.Entity<Ticket>(b =>
        {
            b.ToTable("support_tickets");
            b.Property(t => t.RegionCode).HasMaxLength(40);
            b.Property(t => t.Language).HasMaxLength(10);
            b.Property(t => t.Subject).HasMaxLength(2000);
            b.Property(t => t.RequesterName).HasMaxLength(1000);
            b.Property(t => t.RequesterEmail).HasMaxLength(1500);
            b.Property(t => t.RequesterEmailHash).HasMaxLength(64);
            b.HasIndex(t => t.RequesterEmailHash);
            b.Property(t => t.Tags).HasMaxLength(500);
            b.Property(t => t.SlaPolicy).HasMaxLength(80);
            b.Property(t => t.Version).IsConcurrencyToken();
            b.Ignore(t => t.IsOpen);
            b.HasIndex(t => t.Number).IsUnique();
            b.Property(t => t.ExternalSource).HasMaxLength(40);
            b.Property(t => t.ExternalId).HasMaxLength(200);
            b.HasIndex(t => new { t.ExternalSource, t.ExternalId }).IsUnique();
            b.HasIndex(t => new { t.OrganizationId, t.CreatedAt });
            b.HasIndex(t => new { t.Status, t.AssigneeId });
            b.HasIndex(t => t.FirstResponseWarnAt);
            b.HasIndex(t => t.NextResponseWarnAt);
            b.HasIndex(t => t.ResolutionWarnAt);
            b.HasQueryFilter(t => TenantOrganizationId == null || t.OrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<TicketCounter>(b =>
        {
            b.ToTable("support_ticket_counters");
            b.Property(c => c.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<TicketMessage>(b =>
        {
            b.ToTable("support_messages");
            b.Property(m => m.AuthorName).HasMaxLength(1000);
            b.Property(m => m.Body).HasMaxLength(200_000);
            b.Property(m => m.BodyHtml).HasMaxLength(400_000);
            b.Property(m => m.EmailMessageId).HasMaxLength(500);
            b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(m => new { m.TicketId, m.At });
            b.HasIndex(m => m.EmailMessageId);
            b.Property(m => m.ExternalId).HasMaxLength(200);
            b.HasIndex(m => new { m.TicketId, m.ExternalId }).IsUnique();
            b.HasQueryFilter(m => TenantOrganizationId == null || m.OrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<TicketAttachment>(b =>
        {
            b.ToTable("support_attachments");
            b.Property(a => a.FileName).HasMaxLength(1000);
            b.Property(a => a.ContentType).HasMaxLength(200);
            b.HasOne<TicketMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => a.TicketId);
            b.HasQueryFilter(a => TenantOrganizationId == null || a.OrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<TicketStatusChange>(b =>
        {
            b.ToTable("support_status_changes");
            b.Property(c => c.By).HasMaxLength(320);
            b.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(c => new { c.TicketId, c.At });
            b.HasQueryFilter(c => TenantOrganizationId == null || c.OrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<CallbackTask>(b =>
        {
            b.ToTable("support_callbacks");
            b.Property(c => c.Note).HasMaxLength(6000);
            b.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(c => new { c.DoneAt, c.DueAt });
            b.HasQueryFilter(c => TenantOrganizationId == null || c.OrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<SlaAlert>(b =>
        {
            b.ToTable("support_sla_alerts");
            b.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(a => new { a.TicketId, a.Clock, a.Kind, a.Cycle }).IsUnique();
        });
        modelBuilder.Entity<SupportTeam>(b =>
        {
            b.ToTable("support_teams");
            b.Property(t => t.Code).HasMaxLength(40);
            b.Property(t => t.CalendarCode).HasMaxLength(40);
            b.Property(t => t.Name).HasMaxLength(200);
            b.Property(t => t.LeadEmail).HasMaxLength(320);
            b.Property(t => t.OnCallRotation).HasMaxLength(2000);
            b.HasIndex(t => t.Code).IsUnique();
        });
        modelBuilder.Entity<SupportAgent>(b =>
        {
            b.ToTable("support_agents");
            b.Property(a => a.Name).HasMaxLength(1000);
            b.Property(a => a.Email).HasMaxLength(1500);
            b.Property(a => a.Languages).HasMaxLength(100);
            b.Property(a => a.Skills).HasMaxLength(500);
            b.Property(a => a.RegionCode).HasMaxLength(40);
            b.HasOne<SupportTeam>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(a => a.UserId).IsUnique();
        });
        modelBuilder.Entity<SurveyInvitation>(b =>
        {
            b.ToTable("support_surveys");
            b.Property(s => s.Email).HasMaxLength(1500);
            b.Property(s => s.EmailHash).HasMaxLength(100);
            b.Property(s => s.Comment).HasMaxLength(6000);
            b.HasIndex(s => new { s.EmailHash, s.Kind, s.SentAt });
            b.HasIndex(s => s.TicketId);
            b.HasQueryFilter(s => TenantOrganizationId == null || s.OrganizationId == TenantOrganizationId);
        });
    }
}
