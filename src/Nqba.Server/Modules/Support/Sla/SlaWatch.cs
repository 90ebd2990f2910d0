using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>
/// Publishes <see cref="SlaWarning"/> and <see cref="SlaBreached"/> when a clock's instants have passed. Each
/// event is claimed by inserting its <see cref="SlaAlert"/> row (unique per ticket, clock, kind and cycle) in the
/// same transaction as the event: an instance that loses the race gets a unique-key failure and publishes nothing.
/// Also recomputes every open ticket when the calendars or policies changed since this instance last looked.
/// </summary>
internal sealed class SlaWatch(SupportDbContext db, ICompanyDirectory company, SlaCalendars calendars)
{
    private const int Batch = 500;

    public async Task<int> CheckAsync(DateTime now, CancellationToken cancellationToken)
    {
        await RecomputeIfChangedAsync(cancellationToken);
        var published = 0;
        foreach (var clock in Enum.GetValues<SlaClockKind>())
        {
            published += await FireAsync(clock, SlaAlertKind.Warning, now, cancellationToken);
            published += await FireAsync(clock, SlaAlertKind.Breach, now, cancellationToken);
        }

        return published;
    }

    /// <summary>Recomputes open tickets when a calendar or policy changed (a pure function of history, so safe to repeat).</summary>
    public async Task<int> RecomputeIfChangedAsync(CancellationToken cancellationToken)
    {
        var set = await calendars.GetAsync(company, cancellationToken, db);
        if (set.Fingerprint == calendars.AppliedFingerprint)
        {
            return 0;
        }

        var count = await RecomputeOpenAsync(set, cancellationToken);
        calendars.AppliedFingerprint = set.Fingerprint;
        return count;
    }

    /// <summary>Recomputes every open ticket under the calendars and policies in force now.</summary>
    public async Task<int> RecomputeAllOpenAsync(CancellationToken cancellationToken) =>
        await RecomputeOpenAsync(await calendars.GetAsync(company, cancellationToken, db), cancellationToken);

    public async Task<int> RecomputeOpenAsync(SlaCalendarSet set, CancellationToken cancellationToken)
    {
        var count = 0;
        var after = Guid.Empty;
        var planner = new SlaPlanner(db);
        while (true)
        {
            // Deadlines do not read encrypted columns; tickets are loaded (decrypted) only because they are entities.
            var tickets = await db.Tickets.IgnoreQueryFilters()
                .Where(t => t.Status != TicketStatus.Closed && t.Id.CompareTo(after) > 0)
                .OrderBy(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
            if (tickets.Count == 0)
            {
                return count;
            }

            await planner.ApplyAsync(tickets, set, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A ticket of the batch was written since it was read (its writer recomputed it): read the batch again.
                db.ChangeTracker.Clear();
                continue;
            }

            db.ChangeTracker.Clear();
            count += tickets.Count;
            after = tickets[^1].Id;
        }
    }

    private async Task<int> FireAsync(SlaClockKind clock, SlaAlertKind kind, DateTime now, CancellationToken cancellationToken)
    {
        var due = Instant(clock, kind);
        var candidates = await db.Tickets.IgnoreQueryFilters().AsNoTracking()
            .Where(Passed(due, now))
            .Where(t => !db.SlaAlerts.Any(a => a.TicketId == t.Id && a.Clock == clock && a.Kind == kind && a.Cycle == (clock == SlaClockKind.NextResponse ? t.NextResponseCycle : 0)))
            .Select(t => new { t.Id, t.OrganizationId, t.Priority, t.TeamId, t.AssigneeId, t.FirstResponseDueAt, t.NextResponseDueAt, t.ResolutionDueAt, t.NextResponseCycle })
            .OrderBy(t => t.Id).Take(Batch).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var t in candidates)
        {
            var dueAt = clock switch
            {
                SlaClockKind.FirstResponse => t.FirstResponseDueAt,
                SlaClockKind.NextResponse => t.NextResponseDueAt,
                _ => t.ResolutionDueAt,
            } ?? now;
            db.SlaAlerts.Add(new SlaAlert { Id = Guid.CreateVersion7(), TicketId = t.Id, Clock = clock, Kind = kind, Cycle = clock == SlaClockKind.NextResponse ? t.NextResponseCycle : 0, DueAt = dueAt, At = now });
            if (kind == SlaAlertKind.Warning)
            {
                db.Publish(new SlaWarning(t.Id, t.OrganizationId, clock, t.Priority, t.TeamId, t.AssigneeId, dueAt, now), now);
            }
            else
            {
                db.Publish(new SlaBreached(t.Id, t.OrganizationId, clock, t.Priority, t.TeamId, t.AssigneeId, dueAt, now), now);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                published++;
            }
            catch (DbUpdateException)
            {
                // Another instance claimed this alert first: it published the event.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return published;
    }

    private static Expression<Func<Ticket, DateTime?>> Instant(SlaClockKind clock, SlaAlertKind kind) => (clock, kind) switch
    {
        (SlaClockKind.FirstResponse, SlaAlertKind.Warning) => t => t.FirstResponseWarnAt,
        (SlaClockKind.FirstResponse, _) => t => t.FirstResponseDueAt,
        (SlaClockKind.NextResponse, SlaAlertKind.Warning) => t => t.NextResponseWarnAt,
        (SlaClockKind.NextResponse, _) => t => t.NextResponseDueAt,
        (_, SlaAlertKind.Warning) => t => t.ResolutionWarnAt,
        _ => t => t.ResolutionDueAt,
    };

    private static Expression<Func<Ticket, bool>> Passed(Expression<Func<Ticket, DateTime?>> instant, DateTime now)
    {
        // A member of a captured object, not a constant, so EF sends the instant as a parameter and reuses one
        // compiled query instead of compiling (and logging) a new one every poll.
        var cutoff = Expression.Property(Expression.Constant(new Cutoff(now)), nameof(Cutoff.Value));
        var body = Expression.LessThanOrEqual(instant.Body, cutoff);
        return Expression.Lambda<Func<Ticket, bool>>(body, instant.Parameters);
    }

    private sealed record Cutoff(DateTime? Value);
}
