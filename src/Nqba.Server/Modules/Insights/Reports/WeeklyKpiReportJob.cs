using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Insights.Kpis;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Security;
using Quartz;

namespace Nqba.Server.Modules.Insights.Reports;

/// <summary>
/// Mails last week's KPIs (value, target, status) to every administrator and executive, on
/// <see cref="InsightsOptions.WeeklyReportCron"/> (Mondays 07:00 UTC by default); a missed run fires once when an instance starts.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class WeeklyKpiReportJob(KpiEngine engine, IStaffDirectory staff, INotificationService notifications, TimeProvider time) : INqbaJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastWeek = KpiPeriods.Add(KpiPeriod.Week, KpiPeriods.StartOf(KpiPeriod.Week, time.GetUtcNow().UtcDateTime), -1);
        var kpis = await engine.ComputeAsync(new KpiQuery(KpiPeriod.Week, null, lastWeek), cancellationToken);
        var model = new WeeklyKpiReportMailModel(lastWeek, KpiPeriods.Add(KpiPeriod.Week, lastWeek, 1),
            [.. kpis.Where(k => k.Unavailable is null).Select(k => new WeeklyKpiLine(k.Id, k.Value, k.Unit, k.Target, k.Status))]);
        foreach (var email in await staff.EmailsInRolesAsync([NqbaRoles.Admin, NqbaRoles.Executive], cancellationToken))
        {
            await notifications.SendAsync<WeeklyKpiReportMail, WeeklyKpiReportMailModel>(new(email, null, model), cancellationToken);
        }
    }
}
