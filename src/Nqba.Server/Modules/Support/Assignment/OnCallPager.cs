using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Notifications.Templates;

namespace Nqba.Server.Modules.Support.Assignment;

/// <summary>
/// Pages (e-mails) the on-call person of a ticket's team: for every emergency ticket (opened as one, or raised to
/// Emergency later), and on escalation. Agents store no language of their own: pages are in the default culture.
/// </summary>
internal sealed class OnCallPager(SupportDbContext db, INotificationService notifications, TimeProvider time)
    : IEventSubscriber<TicketOpened>, IEventSubscriber<TicketPriorityChanged>
{
    public Task HandleAsync(TicketOpened domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.Priority == TicketPriority.Emergency ? PageEmergencyAsync(domainEvent.TicketId, domainEvent.At, cancellationToken) : Task.CompletedTask;

    public Task HandleAsync(TicketPriorityChanged domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        domainEvent.To == TicketPriority.Emergency && domainEvent.From != TicketPriority.Emergency
            ? PageEmergencyAsync(domainEvent.TicketId, domainEvent.At, cancellationToken)
            : Task.CompletedTask;

    private async Task PageEmergencyAsync(Guid ticketId, DateTime at, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is not null)
        {
            var model = new EmergencyPageMailModel(ticket.Id, ticket.Number, ticket.Subject, TicketPriority.Emergency, ticket.Channel, at);
            await PageAsync<EmergencyPageMail, EmergencyPageMailModel>(ticket.TeamId, model, cancellationToken);
        }
    }

    /// <summary>E-mails <typeparamref name="TTemplate"/> to the person on call now in the team; returns their agent id (null when there is no team or rotation).</summary>
    public async Task<Guid?> PageAsync<TTemplate, TModel>(Guid? teamId, TModel model, CancellationToken cancellationToken)
        where TTemplate : MailTemplate<TModel>
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

        await notifications.SendAsync<TTemplate, TModel>(new(agent.Email, null, model), cancellationToken);
        return agent.Id;
    }
}
