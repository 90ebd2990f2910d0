using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Onboarding.Notifications;

/// <summary>
/// Tells the escalation addresses (<see cref="OnboardingOptions.EscalationEmails"/>: the managers, the admins) that a
/// step is still overdue a while after its owner was told; with none configured, the onboarding's owner is told when
/// someone else owns the step. Once per due date.
/// </summary>
internal sealed class EscalateOverdueStep(INotificationService notifications, ICompanyDirectory company, IClientDirectory clients, IOptions<OnboardingOptions> options) : IEventSubscriber<OnboardingStepEscalated>
{
    public async Task HandleAsync(OnboardingStepEscalated domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (domainEvent.OrganizationId is not { } organizationId)
        {
            return;
        }

        var specialists = (await company.GetAsync(cancellationToken)).Specialists;
        var owner = specialists.FirstOrDefault(s => s.Id == domainEvent.OwnerId);
        var recipients = options.Value.EscalationEmails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).ToList();
        if (recipients.Count == 0 && domainEvent.OnboardingOwnerId != domainEvent.OwnerId &&
            specialists.FirstOrDefault(s => s.Id == domainEvent.OnboardingOwnerId) is { } onboardingOwner)
        {
            recipients.Add(onboardingOwner.Email);
        }

        var client = (await clients.FindAsync(organizationId, cancellationToken))?.Name ?? organizationId.ToString();
        var model = new OverdueStepMailModel(organizationId, client, NotifyOwnerOfOverdueStep.StepName(domainEvent.Step), owner?.DisplayName ?? "nobody", domainEvent.DueAt);
        foreach (var to in recipients.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await notifications.SendAsync<OnboardingStepEscalatedMail, OverdueStepMailModel>(new(to, null, model), cancellationToken);
        }
    }
}
