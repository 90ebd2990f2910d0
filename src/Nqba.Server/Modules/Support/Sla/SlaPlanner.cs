using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// Writes each ticket's clocks (warning and due instants) from its history, the policy for its channel and
/// priority, and its region's calendar. Messages and status changes added but not yet saved count too, so a
/// change and its new deadlines commit together.
/// </summary>
internal sealed class SlaPlanner(SupportDbContext db)
{
    private const int Chunk = 500;

    public async Task ApplyAsync(IReadOnlyList<Ticket> tickets, SlaCalendarSet set, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < tickets.Count; offset += Chunk)
        {
            var batch = tickets.Skip(offset).Take(Chunk).ToList();
            var ids = batch.Select(t => t.Id).ToList();
            var messages = await db.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.TicketId))
                .Select(m => new { m.TicketId, m.At, m.Author, m.Internal }).ToListAsync(cancellationToken);
            var changes = await db.StatusChanges.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.TicketId)).ToListAsync(cancellationToken);
            var idSet = ids.ToHashSet();
            var pendingMessages = db.ChangeTracker.Entries<TicketMessage>().Where(e => e.State == EntityState.Added && idSet.Contains(e.Entity.TicketId))
                .Select(e => new { e.Entity.TicketId, e.Entity.At, e.Entity.Author, e.Entity.Internal });
            var pendingChanges = db.ChangeTracker.Entries<TicketStatusChange>().Where(e => e.State == EntityState.Added && idSet.Contains(e.Entity.TicketId)).Select(e => e.Entity);
            var messagesOf = messages.Concat(pendingMessages).ToLookup(m => m.TicketId, m => (m.At, m.Author, m.Internal));
            var changesOf = changes.Concat(pendingChanges).ToLookup(c => c.TicketId);
            foreach (var ticket in batch)
            {
                var history = SlaHistory.Of(ticket.CreatedAt, changesOf[ticket.Id], messagesOf[ticket.Id]);
                Apply(ticket, set, history);
            }
        }
    }

    public static void Apply(Ticket ticket, SlaCalendarSet set, IReadOnlyList<SlaEvent> history)
    {
        var targets = set.Targets(SlaSubject.Of(ticket));
        var clocks = SlaClock.Compute(history, targets, set.For(targets, ticket.TeamId, ticket.RegionCode), set.WarnShare);
        ticket.SlaPolicy = targets.PolicyName;
        (ticket.FirstResponseWarnAt, ticket.FirstResponseDueAt) = Columns(clocks.FirstResponse);
        (ticket.NextResponseWarnAt, ticket.NextResponseDueAt) = Columns(clocks.NextResponse);
        ticket.NextResponseCycle = clocks.NextResponse.Running || clocks.NextResponse.Paused || clocks.NextResponse.Missed ? clocks.NextResponse.CycleKey : 0;
        (ticket.ResolutionWarnAt, ticket.ResolutionDueAt) = Columns(clocks.Resolution);
        ticket.SlaPaused = clocks.All.Any(c => c.Paused);
        ticket.NextDueAt = clocks.All.Where(c => c.Running).Select(c => c.DueAt).Min();
    }

    /// <summary>
    /// A running or paused clock keeps its instants for the watch; a stopped one keeps only a missed due instant
    /// (so a breach the watch had not seen yet is still recorded, once) — a warning after the answer is noise.
    /// </summary>
    private static (DateTime? WarnAt, DateTime? DueAt) Columns(SlaClockReading clock) =>
        clock.Running || clock.Paused ? (clock.WarnAt, clock.DueAt)
        : clock.Missed ? (null, clock.DueAt)
        : (null, null);
}
