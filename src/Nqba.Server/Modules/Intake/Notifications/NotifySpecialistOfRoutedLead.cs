using System.Globalization;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Intake.Notifications;

/// <summary>Tells the specialist a lead was routed to them, with the reason and a link to the lead.</summary>
internal sealed class NotifySpecialistOfRoutedLead(IEmailSender email) : IEventSubscriber<LeadRouted>
{
    public Task HandleAsync(LeadRouted domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
        email.SendAsync(new EmailMessage(
            domainEvent.SpecialistEmail,
            $"New lead for you ({domainEvent.UnitCode})",
            string.Create(CultureInfo.InvariantCulture, $"""
                A lead was routed to you at {domainEvent.RoutedAt:u} ({domainEvent.Method}).

                Why you: {domainEvent.Reason}

                Open it: /leads/{domainEvent.LeadId}
                The lead-response clock is running: please make first contact within 5 business minutes.
                """)), cancellationToken);
}
