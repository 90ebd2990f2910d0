using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Surveys;

/// <summary>
/// Sends survey invitations: CSAT once per solved ticket (to its requester), and NPS to each client contact
/// who had a ticket, at most once per configured interval.
/// </summary>
internal sealed class SurveyInviter(SupportDbContext db, SurveyLinks links, FieldProtector protector, INotificationService notifications, IOptions<SupportOptions> options, TimeProvider time)
{
    public async Task<SurveyInvitation?> InviteCsatAsync(Guid ticketId, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket?.RequesterEmail is not { } address || await db.Surveys.IgnoreQueryFilters().AnyAsync(s => s.TicketId == ticketId && s.Kind == SurveyKind.Csat, cancellationToken))
        {
            return null;
        }

        var invitation = await CreateAsync(SurveyKind.Csat, address, ticket.OrganizationId, ticketId, cancellationToken);
        await notifications.SendAsync<CsatInvitationMail, CsatInvitationMailModel>(
            new(address, ticket.Language, new CsatInvitationMailModel(ticket.Number, ticket.Subject, links.UrlFor(invitation.Id))),
            cancellationToken);
        return invitation;
    }

    /// <summary>Invites every client contact with a ticket in the last interval who had no NPS invitation in it.</summary>
    public async Task<int> InviteNpsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - options.Value.NpsInterval;
        var contacts = (await db.Tickets.IgnoreQueryFilters().AsNoTracking()
                .Where(t => t.OrganizationId != null && t.RequesterEmail != null && t.CreatedAt >= since)
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.RequesterEmail!.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Email: g.Key, g.First().OrganizationId, g.MaxBy(t => t.CreatedAt)!.Language))
            .ToList();
        var sent = 0;
        foreach (var (address, organization, language) in contacts)
        {
            var hash = await protector.SearchHashAsync(address, cancellationToken);
            if (await db.Surveys.IgnoreQueryFilters().AnyAsync(s => s.EmailHash == hash && s.Kind == SurveyKind.Nps && s.SentAt >= since, cancellationToken))
            {
                continue;
            }

            var invitation = await CreateAsync(SurveyKind.Nps, address, organization, null, cancellationToken);
            // In the language of the contact's latest ticket.
            await notifications.SendAsync<NpsInvitationMail, NpsInvitationMailModel>(new(address, language, new NpsInvitationMailModel(links.UrlFor(invitation.Id))), cancellationToken);
            sent++;
        }

        return sent;
    }

    private async Task<SurveyInvitation> CreateAsync(SurveyKind kind, string address, Guid? organization, Guid? ticketId, CancellationToken cancellationToken)
    {
        // The person's own data key (the one their tickets use); created with the invitation if they have none yet.
        var hash = await protector.SearchHashAsync(address, cancellationToken);
        var subjectKey = FieldProtector.SubjectKeyId(hash);
        var invitation = new SurveyInvitation
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            TicketId = ticketId,
            OrganizationId = organization,
            Email = address,
            EmailHash = hash,
            SubjectKeyId = subjectKey,
            SentAt = time.GetUtcNow().UtcDateTime,
        };
        db.Surveys.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return invitation;
    }
}
