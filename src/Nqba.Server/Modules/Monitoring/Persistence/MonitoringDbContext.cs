using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Maintenance;
using Nqba.Server.Modules.Monitoring.Notifications;
using Nqba.Server.Modules.Monitoring.Runbooks;
using Nqba.Server.Modules.Monitoring.Sla;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Monitoring.Persistence;

/// <summary>Components, monitors, check results, state history, incidents, maintenance, notifications, runbooks; tables prefixed <c>monitoring_</c>.</summary>
[MigrationHistory("__ef_monitoring")]
internal class MonitoringDbContext(DbContextOptions options) : ModuleDbContext(options)
{
    public DbSet<MonitoredComponent> Components => Set<MonitoredComponent>();

    public DbSet<ServiceMonitor> Monitors => Set<ServiceMonitor>();

    public DbSet<CheckResult> CheckResults => Set<CheckResult>();

    public DbSet<StateInterval> StateIntervals => Set<StateInterval>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<IncidentUpdate> IncidentUpdates => Set<IncidentUpdate>();

    public DbSet<MaintenanceWindow> MaintenanceWindows => Set<MaintenanceWindow>();

    public DbSet<NotificationChannel> Channels => Set<NotificationChannel>();

    public DbSet<NotificationDelivery> Deliveries => Set<NotificationDelivery>();

    public DbSet<StatusSubscription> Subscriptions => Set<StatusSubscription>();

    public DbSet<Runbook> Runbooks => Set<Runbook>();

    public DbSet<RunbookRun> RunbookRuns => Set<RunbookRun>();

    public DbSet<ClientService> ClientServices => Set<ClientService>();

    public DbSet<IncidentTicket> IncidentTickets => Set<IncidentTicket>();

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MonitoredComponent>(b =>
        {
            b.ToTable("monitoring_components");
            b.Property(c => c.Key).HasMaxLength(80);
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.UnitCode).HasMaxLength(80);
            b.Property(c => c.UnitName).HasMaxLength(200);
            b.Property(c => c.TargetPercent).HasPrecision(7, 4);
            b.HasIndex(c => c.Key).IsUnique();
        });
        modelBuilder.Entity<ServiceMonitor>(b =>
        {
            b.ToTable("monitoring_monitors");
            b.Property(m => m.Name).HasMaxLength(200);
            b.Property(m => m.Target).HasMaxLength(2000);
            b.Property(m => m.StandbyTarget).HasMaxLength(2000);
            b.Property(m => m.Keyword).HasMaxLength(500);
            b.Property(m => m.JsonPath).HasMaxLength(500);
            b.Property(m => m.JsonExpected).HasMaxLength(500);
            b.Property(m => m.HeartbeatTokenHash).HasMaxLength(64);
            b.Property(m => m.LastMessage).HasMaxLength(1000);
            b.Ignore(m => m.EffectiveTarget);
            b.HasOne<MonitoredComponent>().WithMany().HasForeignKey(m => m.ComponentId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(m => m.NextDueAt);
            b.HasIndex(m => m.HeartbeatTokenHash).IsUnique();
        });
        modelBuilder.Entity<CheckResult>(b =>
        {
            b.ToTable("monitoring_check_results");
            b.Property(r => r.Message).HasMaxLength(1000);
            b.HasOne<ServiceMonitor>().WithMany().HasForeignKey(r => r.MonitorId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.MonitorId, r.At });
        });
        modelBuilder.Entity<StateInterval>(b =>
        {
            b.ToTable("monitoring_state_intervals");
            b.HasOne<MonitoredComponent>().WithMany().HasForeignKey(i => i.ComponentId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(i => new { i.ComponentId, i.From });
        });
        modelBuilder.Entity<Incident>(b =>
        {
            b.ToTable("monitoring_incidents");
            b.Property(i => i.Title).HasMaxLength(300);
            b.Property(i => i.PostMortem).HasMaxLength(20000);
            b.Property(i => i.PredictionKey).HasMaxLength(200);
            b.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(i => new { i.Status, i.OpenedAt });
        });
        modelBuilder.Entity<IncidentUpdate>(b =>
        {
            b.ToTable("monitoring_incident_updates");
            b.Property(u => u.Message).HasMaxLength(4000);
        });
        modelBuilder.Entity<MaintenanceWindow>(b =>
        {
            b.ToTable("monitoring_maintenance_windows");
            b.Property(w => w.Title).HasMaxLength(300);
            b.Property(w => w.LocalStart).HasMaxLength(16);
            b.Property(w => w.TimeZone).HasMaxLength(64);
            b.Property(w => w.RecursUntil).HasMaxLength(10);
        });
        modelBuilder.Entity<NotificationChannel>(b =>
        {
            b.ToTable("monitoring_channels");
            b.Property(c => c.Name).HasMaxLength(200);
            b.Property(c => c.Target).HasMaxLength(2000);
            b.Property(c => c.EscalationTarget).HasMaxLength(2000);
        });
        modelBuilder.Entity<NotificationDelivery>(b =>
        {
            b.ToTable("monitoring_deliveries");
            b.Property(d => d.Kind).HasMaxLength(40);
            b.Property(d => d.Text).HasMaxLength(4000);
            b.Property(d => d.Detail).HasMaxLength(1000);
            b.HasIndex(d => new { d.ChannelId, d.ComponentId, d.At });
        });
        modelBuilder.Entity<IncidentTicket>(b =>
        {
            b.ToTable("monitoring_incident_tickets");
            b.HasOne<Incident>().WithMany().HasForeignKey(l => l.IncidentId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(l => new { l.IncidentId, l.TicketId }).IsUnique();
            b.HasIndex(l => l.TicketId);
        });
        modelBuilder.Entity<StatusSubscription>(b =>
        {
            b.ToTable("monitoring_subscriptions");
            b.Property(s => s.Email).HasMaxLength(1000);
            b.Property(s => s.EmailHash).HasMaxLength(64);
            b.Property(s => s.UnsubscribeToken).HasMaxLength(64);
            b.Ignore(s => s.OwnerOrganizationId);
            b.HasOne<MonitoredComponent>().WithMany().HasForeignKey(s => s.ComponentId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(s => new { s.ComponentId, s.EmailHash }).IsUnique();
            b.HasIndex(s => s.UnsubscribeToken).IsUnique();
        });
        modelBuilder.Entity<Runbook>(b =>
        {
            b.ToTable("monitoring_runbooks");
            b.Property(r => r.Name).HasMaxLength(200);
            b.Property(r => r.Url).HasMaxLength(2000);
            b.Property(r => r.Command).HasMaxLength(100);
            b.HasOne<MonitoredComponent>().WithMany().HasForeignKey(r => r.ComponentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RunbookRun>(b =>
        {
            b.ToTable("monitoring_runbook_runs");
            b.Property(r => r.Outcome).HasMaxLength(1000);
            b.HasOne<Runbook>().WithMany().HasForeignKey(r => r.RunbookId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(r => new { r.RunbookId, r.At });
        });
        modelBuilder.Entity<ClientService>(b =>
        {
            b.ToTable("monitoring_client_services");
            b.Property(s => s.MonthlyFee).HasPrecision(18, 2);
            b.HasOne<MonitoredComponent>().WithMany().HasForeignKey(s => s.ComponentId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(s => new { s.OrganizationId, s.ComponentId }).IsUnique();
        });
    }
}
