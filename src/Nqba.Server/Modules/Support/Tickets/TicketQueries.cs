using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Surveys;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// What the support pages show, read for them (pages call this, never the DbContext). Query filters confine client
/// users to their organization's tickets.
/// </summary>
internal sealed class TicketQueries(SupportDbContext db)
{
    /// <summary>
    /// The inbox: open tickets (or those of <paramref name="status"/>, or all when <paramref name="all"/>), of the
    /// priority and channel when given; the newest 500, most urgent first (the earliest running deadline).
    /// </summary>
    public async Task<List<TicketDto>> InboxAsync(TicketStatus? status, bool all, TicketPriority? priority, TicketChannel? channel, CancellationToken cancellationToken)
    {
        var query = db.Tickets.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(t => t.Status == wanted);
        }
        else if (!all)
        {
            query = query.Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed);
        }

        if (priority is { } level)
        {
            query = query.Where(t => t.Priority == level);
        }

        if (channel is { } via)
        {
            query = query.Where(t => t.Channel == via);
        }

        return [.. (await query.OrderByDescending(t => t.CreatedAt).Take(500).ToListAsync(cancellationToken))
            .ConvertAll(TicketDto.From)
            .OrderBy(t => t.NextDueAt ?? DateTime.MaxValue)];
    }

    /// <summary>The newest 200 tickets the caller may see (a client's portal).</summary>
    public Task<List<Ticket>> RecentAsync(CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().OrderByDescending(t => t.CreatedAt).Take(200).ToListAsync(cancellationToken);

    public Task<Ticket?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <summary>The ticket's messages in order; internal notes only for staff.</summary>
    public Task<List<TicketMessage>> MessagesOfAsync(Guid ticketId, bool includeInternal, CancellationToken cancellationToken) =>
        db.Messages.AsNoTracking().Where(m => m.TicketId == ticketId && (includeInternal || !m.Internal)).OrderBy(m => m.At).ToListAsync(cancellationToken);

    /// <summary>The agent record of a staff user, if they are a support agent.</summary>
    public Task<SupportAgent?> AgentOfAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, cancellationToken);

    /// <summary>A survey invitation by id, whoever's organization it belongs to (its link is the credential).</summary>
    public Task<SurveyInvitation?> SurveyAsync(Guid id, CancellationToken cancellationToken) =>
        db.Surveys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
}
