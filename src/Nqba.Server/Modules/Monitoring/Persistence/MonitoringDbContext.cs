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
        modelBuilder.ApplyConfiguration(new MonitoredComponentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ServiceMonitorEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new CheckResultEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new StateIntervalEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentUpdateEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new MaintenanceWindowEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationChannelEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationDeliveryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new IncidentTicketEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new StatusSubscriptionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new RunbookEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new RunbookRunEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ClientServiceEntityTypeConfiguration());
    }
}
