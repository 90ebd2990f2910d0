using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Support.Channels;

/// <summary>
/// Sends an agent's reply to the requester by e-mail, in the ticket's language, threaded: its own Message-ID (stored with the message),
/// In-Reply-To the ticket's latest mail, References the whole thread, and the ticket number in the subject.
/// </summary>
internal sealed partial class TicketMailer(SupportDbContext db, INotificationService notifications, IOptions<SupportOptions> options, ILogger<TicketMailer> logger)
{
    /// <summary>The thread headers for a new outgoing message of the ticket; the caller stores <see cref="EmailThreading.MessageId"/> on it.</summary>
    public async Task<EmailThreading> ThreadingAsync(Ticket ticket, Guid messageId, CancellationToken cancellationToken)
    {
        var earlier = await db.Messages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.TicketId == ticket.Id && m.EmailMessageId != null)
            .OrderBy(m => m.At).Select(m => m.EmailMessageId!).ToListAsync(cancellationToken);
        var references = earlier.Count > 20 ? [earlier[0], .. earlier[^19..]] : earlier;
        return new EmailThreading(MessageIds.For(ticket.Number, messageId, options.Value.MessageIdDomain), earlier.LastOrDefault(), references);
    }

    public async Task SendAsync(Ticket ticket, TicketMessage message, EmailThreading threading, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ticket.RequesterEmail))
        {
            return;
        }

        try
        {
            var model = new TicketReplyMailModel(ticket.Number, MessageIds.Subject(ticket.Subject, ticket.Number), message.Body, message.BodyHtml);
            await notifications.SendAsync<TicketReplyMail, TicketReplyMailModel>(new(ticket.RequesterEmail, ticket.Language, model) { Threading = threading }, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException)
        {
            // The reply is stored in the ticket either way; the agent sees it there and the requester on the portal.
            LogSendFailed(logger, ticket.Number, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply to ticket #{Number} could not be e-mailed")]
    private static partial void LogSendFailed(ILogger logger, long number, Exception ex);
}
