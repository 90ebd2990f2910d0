using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Notifications;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Modules.Intake.Privacy;
using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Intake;

/// <summary>Contact capture, the SigmaEQ assessment and routing.</summary>
public static class IntakeModule
{
    public static IHostApplicationBuilder AddIntakeModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<IntakeDbContext, SqliteIntakeDbContext, PostgresIntakeDbContext>();
        builder.Services.AddScoped<IDataSeeder, IntakeSeeder>();
        builder.Services.AddScoped<LeadCapture>();
        builder.Services.AddScoped<LeadQueries>();
        builder.Services.AddScoped<IIntakeLeads, IntakeLeads>();
        builder.Services.AddPersonalData<IntakePersonalData>();
        builder.Services.AddSingleton(QuestionnaireStartupCheck.Load);
        builder.Services.AddHostedService<QuestionnaireStartupCheck>();
        builder.Services.AddSingleton<AssessmentLinks>();
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<LeadRouting>();
        builder.Services.AddScoped<LeadResponseWatch>();
        builder.Services.AddJob<LeadResponseJob, IntakeOptions>(o => new JobPlan(
            JobSchedule.Every(o.ResponseCheckInterval), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.ResponseWatchEnabled));
        builder.Services.AddScoped<IEventSubscriber<AssessmentCompleted>, RouteOnAssessmentCompleted>();
        builder.Services.AddScoped<IEventSubscriber<LeadRouted>, NotifySpecialistOfRoutedLead>();
        builder.Services.AddScoped<IEventSubscriber<LeadResponseEscalated>, NotifyUnitLeadOfEscalation>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapLeadEndpoints();
        app.MapLeadSearchEndpoints();
        app.MapIntakeFormEndpoints();
        app.MapLeadFormEndpoints();
        app.MapAssessmentEndpoints();
        app.MapRoutingEndpoints();
        return app;
    }
}
