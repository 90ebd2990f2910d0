using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Pipeline.Notifications;

/// <summary>
/// Tells a stalled deal's owner, by e-mail, once per stall (the event is raised once per deal and stage; delivery is
/// once per subscriber). A deal without an owner, or whose owner left the directory, is only flagged on the board.
/// </summary>
internal sealed class NotifyOwnerOfStalledDeal(INotificationService notifications, ICompanyDirectory company) : IEventSubscriber<DealStalled>
{
    public async Task HandleAsync(DealStalled domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        if (domainEvent.OwnerId is not { } ownerId ||
            (await company.GetAsync(cancellationToken)).Specialists.FirstOrDefault(s => s.Id == ownerId) is not { } owner)
        {
            return;
        }

        var model = new DealStalledMailModel(domainEvent.DealId, domainEvent.Title, domainEvent.Stage, domainEvent.Days, domainEvent.StallDays);
        await notifications.SendAsync<DealStalledMail, DealStalledMailModel>(new(owner.Email, null, model), cancellationToken);
    }
}
