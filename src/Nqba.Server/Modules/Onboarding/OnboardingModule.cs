using Nqba.Server.Modules.Onboarding.Persistence;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>From a won deal to a live client: the onboarding steps, their evidence and the time it took.</summary>
public static class OnboardingModule
{
    public static IHostApplicationBuilder AddOnboardingModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<OnboardingDbContext, SqliteOnboardingDbContext, PostgresOnboardingDbContext>();
        builder.Services.AddScoped<OnboardingDesk>();
        builder.Services.AddScoped<OnboardingQueries>();
        builder.Services.AddScoped<IEventSubscriber<DealWon>, StartOnboardingOnDealWon>();
        builder.Services.AddScoped<IEventSubscriber<ContractSigned>, CompleteContractOnSigned>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOnboardingModuleEndpoints(this IEndpointRouteBuilder app) => app.MapOnboardingEndpoints().MapOnboardingFormEndpoints();
}
