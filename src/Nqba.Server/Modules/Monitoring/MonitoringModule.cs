using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Incidents;
using Nqba.Server.Modules.Monitoring.Maintenance;
using Nqba.Server.Modules.Monitoring.Notifications;
using Nqba.Server.Modules.Monitoring.Pages;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Modules.Monitoring.Privacy;
using Nqba.Server.Modules.Monitoring.Runbooks;
using Nqba.Server.Modules.Monitoring.ServiceLevels;
using Nqba.Server.Modules.Monitoring.Sla;
using Nqba.Server.Modules.Monitoring.StatusPage;
using Nqba.Server.Modules.Monitoring.Uptime;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Outbound;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Monitoring;

/// <summary>Monitors and checks, uptime, incidents, maintenance, the public status page, notifications and runbooks.</summary>
public static class MonitoringModule
{
    public static IHostApplicationBuilder AddMonitoringModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MonitoringOptions>().BindConfiguration(MonitoringOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<MonitoringDbContext, SqliteMonitoringDbContext, PostgresMonitoringDbContext>();
        services.AddScoped<IDataSeeder, MonitoringSeeder>();
        services.AddHttpClient(HttpChecker.ClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("nqba-monitor/1.0")).UseOutboundPolicy();
        // The platform's self-check ("/healthz" resolved against its own address) is not a configured fetch: exempt.
        services.AddHttpClient(HttpChecker.SelfClientName, c => c.DefaultRequestHeaders.UserAgent.ParseAdd("nqba-monitor/1.0"));
        services.AddSingleton<SelfAddress>();
        services.AddSingleton<IMonitorChecker, HttpChecker>();
        services.AddSingleton<IMonitorChecker, TcpChecker>();
        services.AddSingleton<IMonitorChecker, TlsChecker>();
        services.AddSingleton<IMonitorChecker, HeartbeatChecker>();
        services.AddSingleton<RunbookExecutor>();
        services.AddSingleton<CheckRecorder>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<ServiceLevelMeter>();
        services.AddHostedService(sp => new ServiceLevelMeterStarter(sp.GetRequiredService<ServiceLevelMeter>()));
        services.AddSingleton<NotificationRepeater>();
        services.AddScoped<StateChangeNotifier>();
        services.AddScoped<IncidentClientNotifier>();
        services.AddScoped<IncidentQueries>();
        services.AddScoped<MonitorCatalog>();
        services.AddScoped<IncidentDesk>();
        services.AddScoped<MaintenancePlanner>();
        services.AddScoped<NotificationChannels>();
        services.AddScoped<RunbookCatalog>();
        services.AddScoped<ClientServiceCatalog>();
        services.AddScoped<StatusSubscriptions>();
        services.AddScoped<IEventSubscriber<Support.TicketOpened>, LinkTicketsToOpenIncidents>();
        services.AddScoped<IEventSubscriber<ComponentStateChanged>>(sp => sp.GetRequiredService<StateChangeNotifier>());
        services.AddScoped<IEventSubscriber<IncidentOpened>>(sp => sp.GetRequiredService<StateChangeNotifier>());
        services.AddScoped<NotifyStatusSubscribers>();
        services.AddScoped<IEventSubscriber<ComponentStateChanged>>(sp => sp.GetRequiredService<NotifyStatusSubscribers>());
        services.AddScoped<IEventSubscriber<IncidentOpened>>(sp => sp.GetRequiredService<NotifyStatusSubscribers>());
        services.AddScoped<IEventSubscriber<IncidentResolved>>(sp => sp.GetRequiredService<NotifyStatusSubscribers>());
        services.AddPersonalData<MonitoringPersonalData>();
        services.AddSingleton<MonitorScheduler>();
        services.AddJob<MonitorCheckJob, MonitoringOptions>(o => new JobPlan(
            JobSchedule.Every(o.PollInterval, startNow: true), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.SchedulerEnabled));
        return builder;
    }

    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMonitorEndpoints();
        app.MapUptimeEndpoints();
        app.MapIncidentEndpoints();
        app.MapIncidentClientEndpoints();
        app.MapPredictionReportEndpoints();
        app.MapMaintenanceEndpoints();
        app.MapRunbookEndpoints();
        app.MapChannelEndpoints();
        app.MapStatusEndpoints();
        app.MapServiceLevelEndpoints();
        app.MapSlaEndpoints();
        app.MapMonitoringFormEndpoints();
        return app;
    }
}
