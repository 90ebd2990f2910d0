using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>Sends NPS invitations on a schedule (hourly look; each contact at most once per <see cref="SupportOptions.NpsInterval"/>).</summary>
internal sealed partial class NpsScheduler(IServiceScopeFactory scopes, TimeProvider time, IOptions<SupportOptions> options, ILogger<NpsScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.NpsScheduleEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SurveyInviter>().InviteNpsAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or IOException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "NPS invitations failed")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
