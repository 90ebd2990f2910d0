using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>Sends the CSAT survey when a ticket is solved (once per ticket, also after a reopen and second solve).</summary>
internal sealed class InviteCsatOnTicketSolved(SurveyInviter inviter) : IEventSubscriber<TicketSolved>
{
    public Task HandleAsync(TicketSolved domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        inviter.InviteCsatAsync(domainEvent.TicketId, cancellationToken);
}
