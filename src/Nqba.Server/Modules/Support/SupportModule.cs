using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Channels;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Import;
using Nqba.Server.Modules.Support.Pages;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Privacy;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Support;

/// <summary>
/// Tickets from every channel, SLA clocks on business calendars, escalation, assignment and surveys; the knowledge
/// base, its bot and live chat (a handed-over chat becomes a ticket).
/// </summary>
public static class SupportModule
{
    public static IHostApplicationBuilder AddSupportModule(this IHostApplicationBuilder builder)
    {
        SupportChatRegistration.AddSupportChat(builder);
        var services = builder.Services;
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.SectionName)
            .PostConfigure(o =>
            {
                // A list default in the class would be appended to by the binder: defaults apply only when nothing is configured.
                o.SlaPolicies = o.SlaPolicies.Count == 0 ? SlaPolicy.ProductDefaults() : o.SlaPolicies;
                o.Escalations = o.Escalations.Count == 0 ? EscalationRule.ProductDefaults() : o.Escalations;
            })
            .ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<SupportDbContext, SqliteSupportDbContext, PostgresSupportDbContext>();
        services.AddScoped<IDataSeeder, SupportSeeder>();
        services.AddSingleton<HtmlBodies>();
        services.AddSingleton<SlaCalendars>();
        services.AddScoped<AgentAssigner>();
        services.AddScoped<SupportRoster>();
        services.AddScoped<TicketMailer>();
        services.AddScoped<TicketDesk>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<IOrganizationTickets, OrganizationTickets>();
        services.AddScoped<IOrganizationSatisfaction, Surveys.OrganizationSatisfactions>();
        services.AddScoped<ImportReader>();
        services.AddScoped<TicketImport>();
        services.AddPersonalData<SupportPersonalData>();
        services.AddPersonalData<ChatPersonalData>();
        services.AddScoped<EmailIntake>();
        services.AddScoped<EmailPickup>();
        services.AddScoped<ImapMailbox>();
        services.AddJob<MailPollJob, SupportOptions>(o => new JobPlan(
            JobSchedule.Every(o.MailPollInterval), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.MailPollingEnabled));
        services.AddScoped<SlaWatch>();
        services.AddJob<SlaWatchJob, SupportOptions>(o => new JobPlan(
            JobSchedule.Every(o.SlaCheckInterval), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.SlaWatchEnabled));
        services.AddScoped<OnCallPager>();
        services.AddScoped<IEventSubscriber<TicketOpened>>(sp => sp.GetRequiredService<OnCallPager>());
        services.AddScoped<IEventSubscriber<TicketPriorityChanged>>(sp => sp.GetRequiredService<OnCallPager>());
        services.AddScoped<SlaEscalation>();
        services.AddScoped<IEventSubscriber<SlaWarning>>(sp => sp.GetRequiredService<SlaEscalation>());
        services.AddScoped<IEventSubscriber<SlaBreached>>(sp => sp.GetRequiredService<SlaEscalation>());
        services.AddSingleton<SurveyLinks>();
        services.AddScoped<SurveyInviter>();
        services.AddScoped<SurveyAnswers>();
        services.AddScoped<IEventSubscriber<TicketSolved>, InviteCsatOnTicketSolved>();
        services.AddJob<NpsInvitationJob, SupportOptions>(o => new JobPlan(
            JobSchedule.Every(TimeSpan.FromHours(1)), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.NpsScheduleEnabled));
        services.AddScoped<IEventSubscriber<ChatHandedOver>, OpenTicketOnChatHandedOver>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSupportEndpoints(this IEndpointRouteBuilder app)
    {
        SupportChatRegistration.MapSupportChat(app);
        app.MapTicketEndpoints();
        app.MapImportEndpoints();
        app.MapAssignmentEndpoints();
        app.MapSlaEndpoints();
        app.MapSurveyEndpoints();
        app.MapSupportFormEndpoints();
        return app;
    }
}
