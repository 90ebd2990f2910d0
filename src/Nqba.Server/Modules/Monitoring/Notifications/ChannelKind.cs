namespace Nqba.Server.Modules.Monitoring.Notifications;

public enum ChannelKind
{
    /// <summary>HTTP POST of a Slack-compatible JSON payload.</summary>
    Webhook,

    /// <summary>E-mail to an address.</summary>
    Email,
}
