using System.Globalization;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Intake.Notifications;

/// <summary>
/// Tells the specialist a lead was routed to them, with the reason and a link to the lead. The address comes from
/// the company directory; a specialist no longer active there is not mailed.
/// </summary>
internal sealed class NotifySpecialistOfRoutedLead(IEmailSender email, ICompanyDirectory company, PublicLinks links) : IEventSubscriber<LeadRouted>
{
    public async Task HandleAsync(LeadRouted domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var specialist = (await company.GetAsync(cancellationToken)).Specialists.FirstOrDefault(s => s.Id == domainEvent.SpecialistId);
        if (specialist is null)
        {
            return;
        }

        await email.SendAsync(new EmailMessage(
            specialist.Email,
            $"New lead for you ({domainEvent.UnitCode})",
            string.Create(CultureInfo.InvariantCulture, $"""
                A lead was routed to you at {domainEvent.RoutedAt:u} ({domainEvent.Method}).

                Why you: {domainEvent.Reason}

                Open it: {links.To($"/leads/{domainEvent.LeadId}")}
                The lead-response clock is running: please make first contact within 5 business minutes.
                """)), cancellationToken);
    }
}
