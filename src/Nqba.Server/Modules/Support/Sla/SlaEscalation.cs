using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>Applies the configured escalation rules to SLA warnings and breaches: reassign, notify the team lead, page on-call.</summary>
internal sealed class SlaEscalation(SupportDbContext db, AgentAssigner assigner, OnCallPager pager, IEmailSender email, IOptions<SupportOptions> options, TimeProvider time)
    : IEventSubscriber<SlaWarning>, IEventSubscriber<SlaBreached>
{
    public Task HandleAsync(SlaWarning domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        EscalateAsync(EscalationTrigger.Warning, domainEvent.TicketId, domainEvent.Clock, domainEvent.Priority, domainEvent.DueAt, cancellationToken);

    public Task HandleAsync(SlaBreached domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        EscalateAsync(EscalationTrigger.Breach, domainEvent.TicketId, domainEvent.Clock, domainEvent.Priority, domainEvent.DueAt, cancellationToken);

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
