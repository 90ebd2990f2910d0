using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Support.Channels;

/// <summary>Takes in support mail on an interval: the pickup folder always, the IMAP mailbox when configured.</summary>
internal sealed partial class MailPoller(IServiceScopeFactory scopes, TimeProvider time, IOptions<SupportOptions> options, ILogger<MailPoller> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MailPollingEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.MailPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EmailPickup>().ProcessAsync(stoppingToken);
                var imap = scope.ServiceProvider.GetRequiredService<ImapMailbox>();
                if (imap.Configured)
                {
                    await imap.PollAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.Security.AuthenticationException or MailKit.Net.Imap.ImapCommandException or MailKit.Net.Imap.ImapProtocolException or System.Net.Sockets.SocketException or Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
            {
                // A mailbox or database briefly unavailable: the next tick tries again; nothing was marked seen or moved.
                LogPollFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Support mail poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);
}
