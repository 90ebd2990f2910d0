using Nqba.Server.Modules.Access;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Onboarding.Notifications;

/// <summary>
/// Tells an overdue step's owner, by e-mail, once per due date (the event is raised once; delivery is once per
/// subscriber). A step without an owner, or whose owner left the directory, is only flagged on the pages until it escalates.
/// </summary>
internal sealed class NotifyOwnerOfOverdueStep(INotificationService notifications, ICompanyDirectory company, IClientDirectory clients) : IEventSubscriber<OnboardingStepOverdue>
{
    public async Task HandleAsync(OnboardingStepOverdue domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (domainEvent.OwnerId is not { } ownerId ||
            (await company.GetAsync(cancellationToken)).Specialists.FirstOrDefault(s => s.Id == ownerId) is not { } owner ||
            domainEvent.OrganizationId is not { } organizationId)
        {
            return;
        }

        var client = (await clients.FindAsync(organizationId, cancellationToken))?.Name ?? organizationId.ToString();
        var model = new OverdueStepMailModel(organizationId, client, StepName(domainEvent.Step), owner.DisplayName, domainEvent.DueAt);
        await notifications.SendAsync<OnboardingStepOverdueMail, OverdueStepMailModel>(new(owner.Email, null, model), cancellationToken);
    }

    internal static string StepName(string step) => OnboardingSteps.Parse(step) is { } kind ? OnboardingSteps.Label(kind) : step;
}
