using Nqba.Server.Modules.Onboarding.Notifications;
using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>From a won deal to a live client: the onboarding steps, their evidence and the time it took.</summary>
public static class OnboardingModule
{
    public static IHostApplicationBuilder AddOnboardingModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OnboardingOptions>().BindConfiguration(OnboardingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<OnboardingDbContext, SqliteOnboardingDbContext, PostgresOnboardingDbContext>();
        builder.Services.AddScoped<OnboardingDesk>();
        builder.Services.AddScoped<OnboardingQueries>();
        builder.Services.AddScoped<IGoLiveSupport, GoLiveSupport>();
        builder.Services.AddScoped<IEventSubscriber<DealWon>, StartOnboardingOnDealWon>();
        builder.Services.AddJob<OverdueStepsJob, OnboardingOptions>(o => new JobPlan(
            JobSchedule.AtCron(o.OverdueCheckCron), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.OverdueCheckEnabled));
        builder.Services.AddScoped<IEventSubscriber<OnboardingStepOverdue>, NotifyOwnerOfOverdueStep>();
        builder.Services.AddScoped<IEventSubscriber<OnboardingStepEscalated>, EscalateOverdueStep>();
        builder.Services.AddScoped<CompleteCallOnMeeting>();
        builder.Services.AddScoped<IEventSubscriber<MeetingBooked>>(sp => sp.GetRequiredService<CompleteCallOnMeeting>());
        builder.Services.AddScoped<IEventSubscriber<MeetingHeld>>(sp => sp.GetRequiredService<CompleteCallOnMeeting>());
        builder.Services.AddScoped<IEventSubscriber<ContractSigned>, CompleteContractOnSigned>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOnboardingModuleEndpoints(this IEndpointRouteBuilder app) => app.MapOnboardingEndpoints().MapOnboardingFormEndpoints();
}
