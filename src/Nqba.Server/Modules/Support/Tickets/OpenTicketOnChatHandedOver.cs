using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// A chat nobody could take (outside business hours, no agent online, or not picked up in time) becomes a ticket
/// with the transcript as its first message, on the chat channel, so its SLA clock and assignment start.
/// The conversation id is kept as the message's reference: a redelivered event opens no second ticket.
/// </summary>
internal sealed class OpenTicketOnChatHandedOver(SupportDbContext db, TicketDesk desk) : IEventSubscriber<ChatHandedOver>
{
    public async Task HandleAsync(ChatHandedOver domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var reference = $"<chat-{domainEvent.ConversationId:N}@nqba.chat>";
        if (await db.Messages.IgnoreQueryFilters().AnyAsync(m => m.EmailMessageId == reference, cancellationToken))
        {
            return;
        }

        var name = string.IsNullOrWhiteSpace(domainEvent.VisitorName) ? "Chat visitor" : domainEvent.VisitorName;
        var subject = domainEvent.OutsideHours ? "Chat outside business hours" : "Chat waiting for an agent";
        var result = await desk.OpenAsync(
            new OpenTicket(
                subject,
                name,
                string.IsNullOrWhiteSpace(domainEvent.VisitorEmail) ? null : domainEvent.VisitorEmail,
                domainEvent.OrganizationId,
                new NewMessage(TicketChannel.Chat, MessageAuthor.Client, name, domainEvent.Transcript, EmailMessageId: reference),
                Language: domainEvent.Language,
                RegionCode: domainEvent.RegionCode,
                At: domainEvent.At),
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The handed-over chat {domainEvent.ConversationId} could not become a ticket: {result.Error.Detail}");
        }
    }
}
