using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Privacy;

/// <summary>
/// Tickets for privacy requests: a person's tickets (as requester) with their messages are exported; erasure
/// redacts the requester and the client's own messages (the ticket stays for SLA and CSAT statistics). Tickets hold
/// no keyed hash of the requester's address yet, so a person's tickets are found by decrypting the addresses.
/// </summary>
internal sealed class SupportPersonalData(SupportDbContext db) : IPersonalDataSource
{
    public string Name => "support";

    public string? RetentionCategory => null;

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
        return records;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var tickets = await TicketsOfAsync(subject, track: true, cancellationToken);
        var ids = tickets.ConvertAll(t => t.Id);
        var messages = await db.Messages.IgnoreQueryFilters().Where(m => ids.Contains(m.TicketId) && m.Author == MessageAuthor.Client).ToListAsync(cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.RequesterName = FieldProtector.ErasedValue;
            ticket.RequesterEmail = null;
            ticket.Subject = FieldProtector.ErasedValue;
        }

        foreach (var message in messages)
        {
            message.AuthorName = FieldProtector.ErasedValue;
            message.Body = FieldProtector.ErasedValue;
            message.BodyHtml = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return tickets.Count + messages.Count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var tickets = await TicketsOfAsync(subject, track: true, cancellationToken);
        foreach (var ticket in tickets)
        {
            ticket.RequesterName = correction.Name ?? ticket.RequesterName;
            ticket.RequesterEmail = correction.Email ?? ticket.RequesterEmail;
        }

        await db.SaveChangesAsync(cancellationToken);
        return tickets.Count;
    }

    public Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) => Task.FromResult(0);

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

        // Decrypted as they are read; compared in memory.
        var all = await query.Where(t => t.RequesterEmail != null).ToListAsync(cancellationToken);
        return all.FindAll(t => string.Equals(t.RequesterEmail?.Trim(), subject.Email, StringComparison.OrdinalIgnoreCase));
    }
}
