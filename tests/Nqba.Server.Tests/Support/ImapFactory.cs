namespace Nqba.Server.Tests.Support;

/// <summary>The support server with a real IMAP mailbox (Dovecot) configured; the tests run its mail poller when they have put mail in the box.</summary>
public sealed class ImapFactory : SupportFactory
{
    public LocalImapServer Imap { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            // The mail poller's schedule stays off (SupportFactory): the tests run a poll when they have put mail in the box.
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
