using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Privacy;

/// <summary>
/// Tickets and surveys for privacy requests: a person's tickets (as requester) with their messages and call-back
/// notes, and the CSAT/NPS invitations sent to them with their answers, are exported; erasure redacts the requester,
/// the client's own messages, the call-back notes and the survey address and comment (tickets and scores stay for
/// SLA and CSAT statistics) and then crypto-shreds them: the requester's own data key, under which their tickets'
/// subjects, messages (the agents' replies too), files and call-back notes are encrypted, is destroyed. The retention
/// purge (<c>support.tickets</c>) redacts solved and closed tickets untouched since the cutoff (it cannot destroy a key
/// the person's newer tickets share). Tickets and surveys are found by the keyed hash of the address; tickets written
/// before tickets had one are found by decrypting their addresses.
/// </summary>
internal sealed class SupportPersonalData(SupportDbContext db, FieldProtector protector) : IPersonalDataSource, IRetentionPolicy
{
    public string Name => "support";

    public string Category => "support.tickets";

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var tickets = await TicketsOfAsync(subject, track: false, cancellationToken);
        var ids = tickets.ConvertAll(t => t.Id);
        var messages = await db.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.TicketId) && !m.Internal).OrderBy(m => m.At).ToListAsync(cancellationToken);
        var records = tickets.ConvertAll(t => new PersonalDataRecord("ticket", t.Id.ToString(), new
        {
            t.Number,
            t.Subject,
            t.RequesterName,
            t.RequesterEmail,
            t.Channel,
            t.Priority,
            t.Status,
            t.CreatedAt,
            t.SolvedAt,
        }));
        records.AddRange(messages.Select(m => new PersonalDataRecord("ticket-message", m.Id.ToString(), new
        {
            m.TicketId,
            m.Channel,
            m.Author,
            m.AuthorName,
            m.Body,
            m.At,
        })));
        var callbacks = await db.Callbacks.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.TicketId)).OrderBy(c => c.CreatedAt).ToListAsync(cancellationToken);
        records.AddRange(callbacks.Select(c => new PersonalDataRecord("callback", c.Id.ToString(), new { c.TicketId, c.Note, c.DueAt, c.CreatedAt, c.DoneAt })));
        var surveys = await SurveysOfAsync(subject, track: false, cancellationToken);
        records.AddRange(surveys.Select(s => new PersonalDataRecord("survey", s.Id.ToString(), new { s.Kind, s.TicketId, s.Email, s.SentAt, s.Score, s.Comment, s.AnsweredAt })));
        return records;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var tickets = await TicketsOfAsync(subject, track: true, cancellationToken);
        // The score stays for the CSAT/NPS figures; the address, its hash (which would find the person again) and the comment go.
        var surveys = await SurveysOfAsync(subject, track: true, cancellationToken);
        var count = await RedactAsync(tickets, surveys, cancellationToken);
        await protector.DestroyOrganizationKeysAsync(tickets.Select(t => t.SubjectKeyId).Concat(surveys.Select(s => s.SubjectKeyId)), cancellationToken);
        return count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var tickets = await TicketsOfAsync(subject, track: true, cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.RequesterName = correction.Name ?? ticket.RequesterName;
            ticket.RequesterEmail = correction.Email ?? ticket.RequesterEmail;
            if (correction is { Email: { } email })
            {
                ticket.RequesterEmailHash = correction.EmailHash ?? await protector.SearchHashAsync(email, cancellationToken);
            }
        }

        var surveys = correction.Email is null ? [] : await SurveysOfAsync(subject, track: true, cancellationToken);
        foreach (var survey in surveys)
        {
            survey.Email = correction.Email!;
            survey.EmailHash = correction.EmailHash ?? await protector.SearchHashAsync(correction.Email!, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return tickets.Count + surveys.Count;
    }

    /// <summary>Solved and closed tickets untouched since the cutoff, with their CSAT surveys, are redacted as by an erasure.</summary>
    public async Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        // Names are encrypted: what was redacted already is told apart after decrypting.
        var tickets = (await db.Tickets.IgnoreQueryFilters()
            .Where(t => (t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed) && t.UpdatedAt < cutoff)
            .ToListAsync(cancellationToken)).FindAll(t => t.RequesterName != FieldProtector.ErasedValue);
        var ids = tickets.ConvertAll(t => t.Id);
        var surveys = await db.Surveys.IgnoreQueryFilters().Where(s => s.TicketId != null && ids.Contains(s.TicketId.Value)).ToListAsync(cancellationToken);
        return await RedactAsync(tickets, surveys, cancellationToken);
    }

    private async Task<int> RedactAsync(List<Ticket> tickets, List<SurveyInvitation> surveys, CancellationToken cancellationToken)
    {
        var ids = tickets.ConvertAll(t => t.Id);
        var messages = await db.Messages.IgnoreQueryFilters().Where(m => ids.Contains(m.TicketId) && m.Author == MessageAuthor.Client).ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.RequesterName = FieldProtector.ErasedValue;
            ticket.RequesterEmail = null;
            ticket.RequesterEmailHash = null;
            ticket.Subject = FieldProtector.ErasedValue;
        }

        foreach (var message in messages)
        {
            message.AuthorName = FieldProtector.ErasedValue;
            message.Body = FieldProtector.ErasedValue;
            message.BodyHtml = null;
        }

        var callbacks = await db.Callbacks.IgnoreQueryFilters().Where(c => ids.Contains(c.TicketId)).ToListAsync(cancellationToken);
        foreach (var callback in callbacks)
        {
            callback.Note = FieldProtector.ErasedValue;
        }

        // The client's files go with their messages: the row stays (size, type), the name and bytes do not.
        var messageIds = messages.ConvertAll(m => m.Id);
        foreach (var file in await db.Attachments.IgnoreQueryFilters().Where(a => messageIds.Contains(a.MessageId)).ToListAsync(cancellationToken))
        {
            file.FileName = FieldProtector.ErasedValue;
            file.Content = [];
        }

        foreach (var survey in surveys)
        {
            survey.Email = FieldProtector.ErasedValue;
            survey.EmailHash = FieldProtector.ErasedValue;
            survey.Comment = survey.Comment is null ? null : FieldProtector.ErasedValue;
        }

        await db.SaveChangesAsync(cancellationToken);
        return tickets.Count + messages.Count + callbacks.Count + surveys.Count;
    }

    private async Task<List<SurveyInvitation>> SurveysOfAsync(DataSubject subject, bool track, CancellationToken cancellationToken)
    {
        var query = db.Surveys.IgnoreQueryFilters();
        if (!track)
        {
            query = query.AsNoTracking();
        }

        return subject.OrganizationId is { } org
            ? await query.Where(s => s.OrganizationId == org).ToListAsync(cancellationToken)
            : subject.EmailHash is { } hash ? await query.Where(s => s.EmailHash == hash).ToListAsync(cancellationToken) : [];
    }

    private async Task<List<Ticket>> TicketsOfAsync(DataSubject subject, bool track, CancellationToken cancellationToken)
    {
        var query = db.Tickets.IgnoreQueryFilters();
        if (!track)
        {
            query = query.AsNoTracking();
        }

        if (subject.OrganizationId is { } org)
        {
            return await query.Where(t => t.OrganizationId == org).ToListAsync(cancellationToken);
        }

        var hashed = subject.EmailHash is { } hash ? await query.Where(t => t.RequesterEmailHash == hash).ToListAsync(cancellationToken) : [];

        // Tickets written before they carried a hash: decrypted as they are read, compared in memory.
        var legacy = await query.Where(t => t.RequesterEmailHash == null && t.RequesterEmail != null).ToListAsync(cancellationToken);
        return [.. hashed, .. legacy.Where(t => string.Equals(t.RequesterEmail?.Trim(), subject.Email, StringComparison.OrdinalIgnoreCase))];
    }
}
