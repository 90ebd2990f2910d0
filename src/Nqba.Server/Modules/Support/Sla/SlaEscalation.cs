using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// Applies the configured escalation rules to SLA warnings and breaches: reassign, notify the team lead, page on-call.
/// A live chat waiting for an agent belongs to no team yet: its alerts go to the default team (nobody holds a
/// waiting chat, so there is nothing to reassign).
/// </summary>
internal sealed class SlaEscalation(SupportDbContext db, SupportChatDbContext chats, AgentAssigner assigner, OnCallPager pager, IEmailSender email, IOptions<SupportOptions> options, PublicLinks links, TimeProvider time)
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
        var kind = trigger.ToString().ToLowerInvariant();
        var what = string.Create(CultureInfo.InvariantCulture,
            $"Live chat {conversationId:N} (region {conversation.RegionCode}, language {conversation.Language}): a visitor waits for an agent since {conversation.WaitingSince:yyyy-MM-dd HH:mm:ss} UTC; first response {(trigger == EscalationTrigger.Warning ? "due" : "was due")} at {dueAt:yyyy-MM-dd HH:mm:ss} UTC. Chat console: {links.To("/support/chat")}");
        foreach (var rule in options.Value.Escalations.Where(r => r.Applies(trigger, priority)))
        {
            switch (rule.Action)
            {
                case EscalationAction.NotifyTeamLead when team?.LeadEmail is { } lead:
                    await email.SendAsync(new EmailMessage(lead, $"SLA {kind}: live chat waiting for an agent", what), cancellationToken);
                    break;
                case EscalationAction.PageOnCall:
                    await pager.PageAsync(team?.Id, $"PAGE: live chat waiting ({kind})", $"SLA {kind}: " + what, cancellationToken);
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
        var what = string.Create(CultureInfo.InvariantCulture, $"Ticket #{ticket.Number} \"{ticket.Subject}\" ({priority}): {clock} {(trigger == EscalationTrigger.Warning ? "due" : "was due")} at {dueAt:yyyy-MM-dd HH:mm:ss} UTC.");
        foreach (var rule in options.Value.Escalations.Where(r => r.Applies(trigger, priority)))
        {
            switch (rule.Action)
            {
                case EscalationAction.Reassign:
                    await assigner.AssignAsync(ticket, time.GetUtcNow().UtcDateTime, cancellationToken, exclude: ticket.AssigneeId);
                    await db.SaveChangesAsync(cancellationToken);
                    break;
                case EscalationAction.NotifyTeamLead when team?.LeadEmail is { } lead:
                    await email.SendAsync(new EmailMessage(lead, $"SLA {trigger.ToString().ToLowerInvariant()}: ticket #{ticket.Number}", what), cancellationToken);
                    break;
                case EscalationAction.PageOnCall:
                    await pager.PageAsync(ticket, $"SLA {trigger.ToString().ToLowerInvariant()}: " + what, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }
}
