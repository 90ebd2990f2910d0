namespace Nqba.Server.Tests.Support;

/// <summary>The support server with its mail poller on, reading a real IMAP mailbox (Dovecot) every second.</summary>
public sealed class ImapFactory : SupportFactory
{
    public LocalImapServer Imap { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Support:MailPollingEnabled"] = "true";
            settings["Support:MailPollInterval"] = "00:00:01";
            settings["Support:ImapHost"] = Imap.Host;
            settings["Support:ImapPort"] = Imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Support:ImapSecurity"] = "None";
            settings["Support:ImapUsername"] = Imap.User;
            settings["Support:ImapPassword"] = Imap.Password;
            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        Imap = LocalImapServer.Start();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Imap.Dispose();
    }
}
