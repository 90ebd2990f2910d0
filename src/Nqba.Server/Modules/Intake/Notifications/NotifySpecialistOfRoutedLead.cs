using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Intake.Routing;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Intake.Notifications;

/// <summary>
/// Tells the specialist a lead was routed to them, with the reason, a link to the lead and the response target. The
/// address comes from the company directory; a specialist no longer active there is not mailed. Staff store no
/// language of their own: the mail is in the default culture.
/// </summary>
internal sealed class NotifySpecialistOfRoutedLead(INotificationService notifications, ICompanyDirectory company, IOptions<IntakeOptions> options) : IEventSubscriber<LeadRouted>
{
    public async Task HandleAsync(LeadRouted domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var specialist = (await company.GetAsync(cancellationToken)).Specialists.FirstOrDefault(s => s.Id == domainEvent.SpecialistId);
        if (specialist is null)
        {
            return;
        }

        var model = new LeadRoutedMailModel(domainEvent.LeadId, domainEvent.UnitCode, domainEvent.RoutedAt, domainEvent.Method, domainEvent.Reason, options.Value.ResponseTargetMinutes);
        await notifications.SendAsync<LeadRoutedMail, LeadRoutedMailModel>(new(specialist.Email, null, model), cancellationToken);
    }
}
