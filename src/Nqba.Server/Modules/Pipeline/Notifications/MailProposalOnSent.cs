using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Modules.Pipeline.Proposals;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;

namespace Nqba.Server.Modules.Pipeline.Notifications;

/// <summary>
/// E-mails the recipient the signed link to a sent proposal version, in the version's language; once per version (the
/// version keeps when it was mailed, so a redelivered event sends nothing twice, short of a crash between the two).
/// </summary>
internal sealed class MailProposalOnSent(PipelineDbContext db, ProposalLinks links, INotificationService notifications, TimeProvider time) : IEventSubscriber<ProposalSent>
{
    public async Task HandleAsync(ProposalSent domainEvent, StoredEventInfo info, CancellationToken cancellationToken)
    {
        var proposal = await db.Proposals.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == domainEvent.ProposalId, cancellationToken);
        var version = await db.ProposalVersions.FirstOrDefaultAsync(v => v.ProposalId == domainEvent.ProposalId && v.Number == domainEvent.Version, cancellationToken);
        if (proposal is null || version is null || version.MailedAt is not null)
        {
            return;
        }

        var link = ProposalLinks.PagePath(links.TokenFor(proposal.Id, version.Number, version.ValidUntil), version.Language);
        var model = new ProposalMailModel(version.Title, version.ClientName, version.Number, version.Total, proposal.Currency, version.ValidUntil, link);
        await notifications.SendAsync<ProposalMail, ProposalMailModel>(new(proposal.RecipientEmail, version.Language, model), cancellationToken);
        version.MailedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
