using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Pipeline.Notifications;

/// <summary>
/// Tells the deal's owner, by e-mail, that the client declined a proposal version, with a link to the proposal (the
/// client's reason stays on the proposal page: it is the client's own text and is not copied into mail). A deal
/// without an owner, or whose owner left the directory, shows the decline on its timeline only.
/// </summary>
internal sealed class NotifyOwnerOfDeclinedProposal(PipelineDbContext db, INotificationService notifications, ICompanyDirectory company)
    : IEventSubscriber<ProposalDeclined>
{
    public async Task HandleAsync(ProposalDeclined domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var deal = await db.Deals.AsNoTracking().Where(d => d.Id == domainEvent.DealId)
            .Select(d => new { d.Title, d.OwnerId }).FirstOrDefaultAsync(cancellationToken);
        if (deal?.OwnerId is not { } ownerId ||
            (await company.GetAsync(cancellationToken)).Specialists.FirstOrDefault(s => s.Id == ownerId) is not { } owner)
        {
            return;
        }

        var model = new ProposalDeclinedMailModel(domainEvent.ProposalId, deal.Title, domainEvent.Version, domainEvent.WithReason);
        await notifications.SendAsync<ProposalDeclinedMail, ProposalDeclinedMailModel>(new(owner.Email, null, model), cancellationToken);
    }
}
