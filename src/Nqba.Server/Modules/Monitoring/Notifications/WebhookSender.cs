using System.Net.Http.Json;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Monitoring.Notifications;

/// <summary>
/// Sends one notification to a channel and logs the delivery. Webhooks get a Slack-compatible payload
/// (<c>text</c> plus one attachment), with the structured event under <c>nqba</c> for other receivers.
/// </summary>
internal sealed partial class WebhookSender(IHttpClientFactory clients, INotificationService notifications, TimeProvider time, ILogger<WebhookSender> logger)
{
    public async Task SendAsync(MonitoringDbContext db, NotificationChannel channel, string target, Guid? componentId, string kind, Notice notice, CancellationToken cancellationToken)
    {
        bool succeeded;
        string detail;
        if (channel.Kind == ChannelKind.Webhook)
        {
            var payload = new
            {
                text = notice.Text,
                attachments = new[]
                {
                    new
                    {
                        color = notice.Color,
                        title = notice.Title,
                        text = notice.Detail ?? string.Empty,
                        fields = notice.Fields.Select(f => new { title = f.Key, value = f.Value, @short = true }).ToArray(),
                        ts = new DateTimeOffset(notice.At, TimeSpan.Zero).ToUnixTimeSeconds(),
                    },
                },
                nqba = notice.Data,
            };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(15));
                using var response = await clients.CreateClient(HttpChecker.ClientName).PostAsJsonAsync(new Uri(target), payload, timeout.Token);
                succeeded = response.IsSuccessStatusCode;
                detail = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or UriFormatException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                succeeded = false;
                detail = ex is UriFormatException ? ex.Message : Platform.Outbound.OutboundHttp.Describe(ex);
                LogWebhookFailed(logger, channel.Name, ex);
            }
        }
        else
        {
            try
            {
                var model = new ChannelNoticeMailModel(notice.Title, notice.Text, notice.Detail, notice.Fields);
                detail = await notifications.SendAsync<ChannelNoticeMail, ChannelNoticeMailModel>(new(target, null, model), cancellationToken);
                succeeded = true;
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.CommandException or MailKit.ProtocolException or MailKit.Security.AuthenticationException or FormatException or MimeKit.ParseException)
            {
                succeeded = false;
                detail = ex.Message;
                LogWebhookFailed(logger, channel.Name, ex);
            }
        }

        db.Deliveries.Add(new NotificationDelivery
        {
            Id = Guid.CreateVersion7(),
            ChannelId = channel.Id,
            ComponentId = componentId,
            Kind = kind,
            Text = notice.Text.Length > 4000 ? notice.Text[..4000] : notice.Text,
            Succeeded = succeeded,
            Detail = detail.Length > 1000 ? detail[..1000] : detail,
            At = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook of channel {Channel} failed")]
    private static partial void LogWebhookFailed(ILogger logger, string channel, Exception exception);
}
