using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Support.Channels;

/// <summary>
/// Polls the configured IMAP mailbox (MailKit): unseen messages are taken in and flagged seen. Off unless
/// <c>Support:ImapHost</c> is set.
/// </summary>
internal sealed class ImapMailbox(EmailIntake intake, IOptions<SupportOptions> options)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.ImapHost);

    public async Task<IReadOnlyList<EmailOutcome>> PollAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.ImapHost is not { } host || string.IsNullOrWhiteSpace(host))
        {
            return [];
        }

        using var client = new ImapClient();
        var security = o.ImapSecurity switch
        {
            "None" => SecureSocketOptions.None,
            "StartTls" => SecureSocketOptions.StartTls,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(host, o.ImapPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.ImapUsername))
        {
            await client.AuthenticateAsync(o.ImapUsername, o.ImapPassword ?? string.Empty, cancellationToken);
        }

        var folder = await client.GetFolderAsync(o.ImapFolder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var outcomes = new List<EmailOutcome>();
        foreach (var uid in await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken))
        {
            var message = await folder.GetMessageAsync(uid, cancellationToken);
            outcomes.Add(await intake.ProcessAsync(message, cancellationToken));
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        return outcomes;
    }
}
