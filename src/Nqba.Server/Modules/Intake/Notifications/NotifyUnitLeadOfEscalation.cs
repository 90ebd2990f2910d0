using System.Globalization;
using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Intake.Notifications;

/// <summary>Warns the unit's lead that a lead is nearing its response target untouched.</summary>
internal sealed class NotifyUnitLeadOfEscalation(IEmailSender email, PublicLinks links) : IEventSubscriber<LeadResponseEscalated>
{
    public async Task HandleAsync(LeadResponseEscalated domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(domainEvent.UnitLeadEmail))
        {
            return;
        }

        await email.SendAsync(new EmailMessage(
            domainEvent.UnitLeadEmail,
            $"Lead response at risk ({domainEvent.UnitCode})",
            string.Create(CultureInfo.InvariantCulture, $"""
                A lead has waited {domainEvent.Elapsed.TotalMinutes:F1} business minutes without a first touch; the target is due at {domainEvent.DueAt:u}.

                Open it: {links.To($"/leads/{domainEvent.LeadId}")}
                """)), cancellationToken);
    }
}
