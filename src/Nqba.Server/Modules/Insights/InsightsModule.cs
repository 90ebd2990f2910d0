using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Modules.Insights.Reports;
using Nqba.Server.Platform.Jobs;

namespace Nqba.Server.Modules.Insights;

/// <summary>KPIs computed from the event log, the executive dashboard and the weekly KPI report.</summary>
public static class InsightsModule
{
    public static IHostApplicationBuilder AddInsightsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InsightsOptions>().BindConfiguration(InsightsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<KpiCatalog>();
        builder.Services.AddScoped<KpiEventLog>();
        builder.Services.AddScoped<KpiEngine>();
        builder.Services.AddJob<WeeklyKpiReportJob, InsightsOptions>(o => new JobPlan(
            JobSchedule.AtCron(o.WeeklyReportCron), JobMisfire.FireOnceNow, JobRetry.AtNextFire, Enabled: o.WeeklyReportEnabled));
        return builder;
    }

    public static IEndpointRouteBuilder MapInsightsEndpoints(this IEndpointRouteBuilder app) => app.MapKpiEndpoints();
}
