using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// Applies the configured escalation rules to SLA warnings and breaches: reassign, notify the team lead, page on-call.
/// A live chat waiting for an agent belongs to no team yet: its alerts go to the default team (nobody holds a
/// waiting chat, so there is nothing to reassign).
/// </summary>
internal sealed class SlaEscalation(SupportDbContext db, SupportChatDbContext chats, TicketDesk desk, OnCallPager pager, INotificationService notifications, IOptions<SupportOptions> options)
    : IEventSubscriber<SlaWarning>, IEventSubscriber<SlaBreached>
{
    public Task HandleAsync(SlaWarning domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.TicketId is { } ticketId ? EscalateAsync(EscalationTrigger.Warning, ticketId, domainEvent.Clock, domainEvent.Priority, domainEvent.DueAt, cancellationToken)
        : domainEvent.ConversationId is { } chatId ? EscalateChatAsync(EscalationTrigger.Warning, chatId, domainEvent.Priority, domainEvent.DueAt, cancellationToken)
        : Task.CompletedTask;

    public Task HandleAsync(SlaBreached domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.TicketId is { } ticketId ? EscalateAsync(EscalationTrigger.Breach, ticketId, domainEvent.Clock, domainEvent.Priority, domainEvent.DueAt, cancellationToken)
        : domainEvent.ConversationId is { } chatId ? EscalateChatAsync(EscalationTrigger.Breach, chatId, domainEvent.Priority, domainEvent.DueAt, cancellationToken)
        : Task.CompletedTask;

    private async Task EscalateChatAsync(EscalationTrigger trigger, Guid conversationId, TicketPriority priority, DateTime dueAt, CancellationToken cancellationToken)
    {
        var conversation = await chats.Conversations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null || (trigger == EscalationTrigger.Warning && conversation.FirstRespondedAt is not null))
        {
            // A warning an agent has answered meanwhile is noise; a breach stays worth telling.
            return;
        }

        var team = await db.Teams.OrderByDescending(t => t.IsDefault).ThenBy(t => t.Code).FirstOrDefaultAsync(cancellationToken);
        var alert = new SlaChatAlertMailModel(trigger == EscalationTrigger.Breach, Page: false, conversationId, conversation.RegionCode, conversation.Language, conversation.WaitingSince, dueAt);
        foreach (var rule in options.Value.Escalations.Where(r => r.Applies(trigger, priority)))
        {
            switch (rule.Action)
            {
                case EscalationAction.NotifyTeamLead when team?.LeadEmail is { } lead:
                    await notifications.SendAsync<SlaChatAlertMail, SlaChatAlertMailModel>(new(lead, null, alert), cancellationToken);
                    break;
                case EscalationAction.PageOnCall:
                    await pager.PageAsync<SlaChatAlertMail, SlaChatAlertMailModel>(team?.Id, alert with { Page = true }, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }

    private async Task EscalateAsync(EscalationTrigger trigger, Guid ticketId, SlaClockKind clock, TicketPriority priority, DateTime dueAt, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null || !ticket.IsOpen)
        {
            return;
        }

        var team = ticket.TeamId is null ? null : await db.Teams.FirstOrDefaultAsync(t => t.Id == ticket.TeamId, cancellationToken);
        var alert = new SlaTicketAlertMailModel(trigger == EscalationTrigger.Breach, Page: false, ticket.Id, ticket.Number, ticket.Subject, priority, clock, dueAt);
        foreach (var rule in options.Value.Escalations.Where(r => r.Applies(trigger, priority)))
        {
            switch (rule.Action)
            {
                case EscalationAction.Reassign:
                    // Like any assignment: recomputed clocks, TicketAssigned and an audit entry. Nobody else available
                    // (a conflict) leaves the ticket where it is.
                    await desk.ReassignAsync(ticket.Id, cancellationToken);
                    break;
                case EscalationAction.NotifyTeamLead when team?.LeadEmail is { } lead:
                    await notifications.SendAsync<SlaTicketAlertMail, SlaTicketAlertMailModel>(new(lead, null, alert), cancellationToken);
                    break;
                case EscalationAction.PageOnCall:
                    await pager.PageAsync<SlaTicketAlertMail, SlaTicketAlertMailModel>(ticket.TeamId, alert with { Page = true }, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }
}
