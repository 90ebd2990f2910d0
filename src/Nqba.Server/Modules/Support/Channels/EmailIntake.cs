using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Support.Channels;

/// <summary>
/// Turns one incoming e-mail into a ticket message. A reply lands in its ticket by the thread headers
/// (In-Reply-To, then References) matched against the Message-IDs the ticket's mails were sent or received with,
/// then by the <c>[#number]</c> in the subject when the sender is the ticket's requester; anything else opens a
/// new ticket. A message seen before (same Message-ID) is skipped, so a re-delivered mail changes nothing.
/// </summary>
internal sealed partial class EmailIntake(SupportDbContext db, TicketDesk desk, IOptions<SupportOptions> options, IOptions<MailOptions> mail, ILogger<EmailIntake> logger)
{
    public async Task<EmailOutcome> ProcessAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = message.From.Mailboxes.FirstOrDefault();
        if (sender is null)
        {
            return EmailOutcome.Rejected("no sender");
        }

        if (MailboxAddress.TryParse(mail.Value.From, out var own) && string.Equals(own.Address, sender.Address, StringComparison.OrdinalIgnoreCase))
        {
            return EmailOutcome.Rejected("sent by this server (mail loop)");
        }

        var messageId = string.IsNullOrWhiteSpace(message.MessageId) ? null : message.MessageId;
        if (messageId is not null && await db.Messages.IgnoreQueryFilters().AnyAsync(m => m.EmailMessageId == messageId, cancellationToken))
        {
            return EmailOutcome.Duplicate();
        }

        var (attachments, dropped) = Attachments(message);
        var text = message.TextBody;
        if (dropped.Count > 0)
        {
            text = (text ?? string.Empty) + $"\n\n[Attachments over the size limit were not kept: {string.Join(", ", dropped)}]";
        }

        var name = string.IsNullOrWhiteSpace(sender.Name) ? sender.Address : sender.Name;
        var body = new NewMessage(TicketChannel.Email, MessageAuthor.Client, name, text, message.HtmlBody, EmailMessageId: messageId, Attachments: attachments);
        var ticket = await ThreadOfAsync(message, sender.Address, cancellationToken);
        if (ticket is not null && ticket.Status != TicketStatus.Closed)
        {
            var added = await desk.AddMessageAsync(ticket.Id, body, cancellationToken);
            return added.Succeeded ? EmailOutcome.Added(ticket.Id) : EmailOutcome.Rejected(added.Error.Detail);
        }

        var subject = string.IsNullOrWhiteSpace(message.Subject) ? "(no subject)" : message.Subject.Trim();
        var opened = await desk.OpenAsync(
            new OpenTicket(subject.Length > TicketDesk.MaxSubject ? subject[..TicketDesk.MaxSubject] : subject, name, sender.Address, ticket?.OrganizationId, body),
            cancellationToken);
        if (!opened.Succeeded)
        {
            LogRejected(logger, opened.Error.Detail);
            return EmailOutcome.Rejected(opened.Error.Detail);
        }

        return EmailOutcome.Opened(opened.Value.Id);
    }

    private async Task<Ticket?> ThreadOfAsync(MimeMessage message, string sender, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(message.InReplyTo))
        {
            ids.Add(message.InReplyTo);
        }

        ids.AddRange(message.References.Reverse());
        if (ids.Count > 0)
        {
            var found = await db.Messages.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.EmailMessageId != null && ids.Contains(m.EmailMessageId))
                .Select(m => new { m.TicketId, m.EmailMessageId }).ToListAsync(cancellationToken);
            var match = ids.Select(id => found.FirstOrDefault(f => f.EmailMessageId == id)).FirstOrDefault(f => f is not null);
            if (match is not null)
            {
                return await db.Tickets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == match.TicketId, cancellationToken);
            }
        }

        // Without thread headers, the subject's ticket number counts only for mail from the ticket's own requester.
        if (MessageIds.NumberIn(message.Subject) is { } number
            && await db.Tickets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Number == number, cancellationToken) is { } byNumber
            && string.Equals(byNumber.RequesterEmail, sender, StringComparison.OrdinalIgnoreCase))
        {
            return byNumber;
        }

        return null;
    }

    private (List<NewAttachment> Kept, List<string> Dropped) Attachments(MimeMessage message)
    {
        var kept = new List<NewAttachment>();
        var dropped = new List<string>();
        var o = options.Value;
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            var fileName = part.FileName ?? "attachment";
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            if (content.Length > o.MaxAttachmentBytes || kept.Count >= o.MaxAttachmentsPerMessage)
            {
                dropped.Add(fileName);
                continue;
            }

            kept.Add(new NewAttachment(fileName.Length > 255 ? fileName[..255] : fileName, part.ContentType.MimeType, content.ToArray()));
        }

        return (kept, dropped);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Incoming e-mail rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);
}
