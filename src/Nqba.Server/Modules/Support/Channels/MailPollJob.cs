using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Support.Channels;

/// <summary>
/// Takes in support mail every <see cref="SupportOptions.MailPollInterval"/> (declared in <c>AddSupportModule</c>): the
/// pickup folder always, the IMAP mailbox when configured. A failed poll marks nothing seen and moves nothing, so the
/// next one takes the same mail.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MailPollJob(EmailPickup pickup, ImapMailbox imap) : INqbaJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await pickup.ProcessAsync(cancellationToken);
        if (imap.Configured)
        {
            await imap.PollAsync(cancellationToken);
        }
    }
}
