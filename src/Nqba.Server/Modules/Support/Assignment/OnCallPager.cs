using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>Pages (e-mails) the on-call person of a ticket's team: for every emergency ticket, and on escalation.</summary>
internal sealed class OnCallPager(SupportDbContext db, IEmailSender email, TimeProvider time) : IEventSubscriber<TicketOpened>
{
    public async Task HandleAsync(TicketOpened domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (domainEvent.Priority != TicketPriority.Emergency)
        {
            return;
        }

        var ticket = await db.Tickets.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == domainEvent.TicketId, cancellationToken);
        if (ticket is not null)
        {
            await PageAsync(ticket, string.Create(CultureInfo.InvariantCulture, $"Emergency ticket #{ticket.Number} \"{ticket.Subject}\" opened via {ticket.Channel} at {domainEvent.At:yyyy-MM-dd HH:mm:ss} UTC."), cancellationToken);
        }
    }

    /// <summary>E-mails the person on call now; returns their agent id (null when the team has no rotation).</summary>
    public Task<Guid?> PageAsync(Ticket ticket, string text, CancellationToken cancellationToken) =>
        PageAsync(ticket.TeamId, $"PAGE: ticket #{ticket.Number} ({ticket.Priority})", text, cancellationToken);

    /// <summary>E-mails the person on call now in the team; returns their agent id (null when there is no team or rotation).</summary>
    public async Task<Guid?> PageAsync(Guid? teamId, string subject, string text, CancellationToken cancellationToken)
    {
        var team = teamId is null ? null : await db.Teams.FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null || OnCallRotation.OnCallAt(team, time.GetUtcNow().UtcDateTime) is not { } agentId)
        {
            return null;
        }

        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == agentId, cancellationToken);
        if (agent is null)
        {
            return null;
        }

        await email.SendAsync(new EmailMessage(agent.Email, subject, text), cancellationToken);
        return agent.Id;
    }
}
