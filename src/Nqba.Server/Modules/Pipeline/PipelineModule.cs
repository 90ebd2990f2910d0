using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Pipeline.Catalogue;
using Nqba.Server.Modules.Pipeline.Deals;
using Nqba.Server.Modules.Pipeline.Notifications;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Modules.Pipeline.Privacy;
using Nqba.Server.Modules.Pipeline.Proposals;
using Nqba.Server.Modules.Scheduling;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Pipeline;

/// <summary>Deals from first contact to won or lost: stages with history and gates, the board, the figures; proposals and their signed contracts.</summary>
public static class PipelineModule
{
    public static IHostApplicationBuilder AddPipelineModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddModuleDbContext<PipelineDbContext, SqlitePipelineDbContext, PostgresPipelineDbContext>();
        services.AddScoped<DealDesk>();
        services.AddScoped<DealQueries>();
        services.AddScoped<ILeadDeals, LeadDeals>();
        services.AddScoped<IDataSeeder, PipelineSeeder>();
        services.AddScoped<ProductCatalogue>();
        services.AddScoped<IDataSeeder, CatalogueSeeder>();
        services.AddJob<StalledDealsJob, PipelineOptions>(o => new JobPlan(
            JobSchedule.AtCron(o.StallCheckCron), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.StallCheckEnabled));
        services.AddScoped<IEventSubscriber<DealStalled>, NotifyOwnerOfStalledDeal>();
        services.AddScoped<AdvanceDealsFromEvents>();
        services.AddScoped<IEventSubscriber<LeadCaptured>>(sp => sp.GetRequiredService<AdvanceDealsFromEvents>());
        services.AddScoped<IEventSubscriber<AssessmentCompleted>>(sp => sp.GetRequiredService<AdvanceDealsFromEvents>());
        services.AddScoped<IEventSubscriber<LeadRouted>>(sp => sp.GetRequiredService<AdvanceDealsFromEvents>());
        services.AddScoped<IEventSubscriber<MeetingBooked>>(sp => sp.GetRequiredService<AdvanceDealsFromEvents>());
        services.AddScoped<IEventSubscriber<MeetingHeld>>(sp => sp.GetRequiredService<AdvanceDealsFromEvents>());
        services.AddScoped<IEventSubscriber<ProposalSent>>(sp => sp.GetRequiredService<AdvanceDealsFromEvents>());
        services.AddScoped<IEventSubscriber<ProposalAccepted>>(sp => sp.GetRequiredService<AdvanceDealsFromEvents>());
        services.AddScoped<ProposalLinks>();
        services.AddScoped<ProposalDesk>();
        services.AddScoped<ProposalQueries>();
        services.AddScoped<IEventSubscriber<ProposalSent>, MailProposalOnSent>();
        services.AddScoped<IEventSubscriber<ProposalDeclined>, NotifyOwnerOfDeclinedProposal>();
        services.AddPersonalData<ProposalPersonalData>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPipelineModuleEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPipelineEndpoints().MapCatalogueEndpoints().MapPipelineFormEndpoints().MapCatalogueFormEndpoints().MapProposalEndpoints().MapProposalFormEndpoints();
}
