using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// A chat nobody could take (outside business hours, no agent online, or not picked up in time) becomes a ticket
/// with the transcript as its first message, on the chat channel, so its SLA clock and assignment start.
/// The conversation id is kept as the message's reference: a redelivered event opens no second ticket.
/// </summary>
internal sealed class OpenTicketOnChatHandedOver(SupportDbContext db, SupportChatDbContext chat, TicketDesk desk) : IEventSubscriber<ChatHandedOver>
{
    public async Task HandleAsync(ChatHandedOver domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var reference = $"<chat-{domainEvent.ConversationId:N}@nqba.chat>";
        if (await db.Messages.IgnoreQueryFilters().AnyAsync(m => m.EmailMessageId == reference, cancellationToken))
        {
            return;
        }

        var conversation = await chat.Conversations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == domainEvent.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"The handed-over chat {domainEvent.ConversationId} is not in the chat store.");
        var transcript = await ChatTranscript.ReadAsync(chat.Messages.IgnoreQueryFilters().AsNoTracking(), conversation.Id, cancellationToken);
        var name = string.IsNullOrWhiteSpace(conversation.VisitorName) ? "Chat visitor" : conversation.VisitorName;
        var subject = domainEvent.OutsideHours ? "Chat outside business hours" : "Chat waiting for an agent";
        var result = await desk.OpenAsync(
            new OpenTicket(
                subject,
                name,
                string.IsNullOrWhiteSpace(conversation.VisitorEmail) ? null : conversation.VisitorEmail,
                domainEvent.OrganizationId,
                new NewMessage(TicketChannel.Chat, MessageAuthor.Client, name, transcript, EmailMessageId: reference),
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
