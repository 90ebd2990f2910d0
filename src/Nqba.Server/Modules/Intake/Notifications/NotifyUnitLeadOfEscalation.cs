using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Intake.Notifications;

/// <summary>Warns the unit's lead that a lead is nearing its response target untouched (in the default culture).</summary>
internal sealed class NotifyUnitLeadOfEscalation(INotificationService notifications) : IEventSubscriber<LeadResponseEscalated>
{
    public async Task HandleAsync(LeadResponseEscalated domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(domainEvent.UnitLeadEmail))
        {
            return;
        }

        var model = new LeadEscalationMailModel(domainEvent.LeadId, domainEvent.UnitCode, domainEvent.Elapsed, domainEvent.DueAt);
        await notifications.SendAsync<LeadEscalationMail, LeadEscalationMailModel>(new(domainEvent.UnitLeadEmail, null, model), cancellationToken);
    }
}
