using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Modules.Support.Tickets;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Support.Import;

/// <summary>
/// Imports ticket history from another system through <see cref="TicketDesk"/>, as history: tickets, messages and
/// status changes keep their own times, the SLA clocks are computed from them, and nothing live happens — no mail,
/// no events (so no paging, assignment or surveys), and every warning or breach already past is claimed as seen, so
/// the SLA watch publishes none. One transaction per batch: a bad row writes nothing. A ticket is found again by
/// its source and external id (a unique index), a message by its external id within the ticket, so importing a
/// file again changes nothing and a later export adds only what is new.
/// </summary>
internal sealed class TicketImport(
    SupportDbContext db,
    TicketDesk desk,
    SlaCalendars calendars,
    ICompanyDirectory company,
    IAuditLedger audit,
    TimeProvider time)
{
    private const int Attempts = 5;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public async Task<Result<ImportResult>> ImportAsync(ImportFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var now = time.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>(file.Unreadable);
        var plans = new List<TicketPlan>(file.Rows.Count);
        var seen = new Dictionary<(string, string), ImportRow>();
        foreach (var row in file.Rows)
        {
            if (TicketPlan.Parse(row, now, errors) is { } plan)
            {
                if (seen.TryGetValue((plan.Source, plan.ExternalId), out var first))
                {
                    errors[row.Field("externalId")] = [$"'{plan.ExternalId}' of source '{plan.Source}' is also {first.Name}."];
                }
                else
                {
                    seen[(plan.Source, plan.ExternalId)] = row;
                    plans.Add(plan);
                }
            }
        }

        if (errors.Count > 0)
        {
            return Error.Validation(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(plans, now, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // A concurrent import wrote some of these tickets or messages first (the unique indexes, or a
                // ticket's version, stopped this one): read them again, now as imported before.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Error.Conflict("Other imports kept writing the same tickets; send the batch again (it is idempotent).");
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
            {
                // SQLite has one writer: a long import elsewhere held the database past the busy timeout. Nothing of
                // this batch was written (its transaction rolled back); try again, then say so rather than fail.
                db.ChangeTracker.Clear();
                if (attempt >= Attempts)
                {
                    return Error.Conflict("Another import is still writing; send the batch again when it is done (it is idempotent).");
                }
            }
        }
    }

    private async Task<Result<ImportResult>> WriteAsync(List<TicketPlan> plans, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = new Dictionary<(string, string), Ticket>();
        foreach (var source in plans.GroupBy(p => p.Source))
        {
            var ids = source.Select(p => p.ExternalId).ToList();
            foreach (var found in await db.Tickets.IgnoreQueryFilters().Where(t => t.ExternalSource == source.Key && ids.Contains(t.ExternalId!)).ToListAsync(cancellationToken))
            {
                existing[(source.Key, found.ExternalId!)] = found;
            }
        }

        var existingIds = existing.Values.Select(t => t.Id).ToList();
        var knownMessages = (await db.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => existingIds.Contains(m.TicketId) && m.ExternalId != null)
            .Select(m => new { m.TicketId, m.ExternalId }).ToListAsync(cancellationToken)).ToLookup(m => m.TicketId, m => m.ExternalId!);

        var results = new List<(TicketPlan Plan, Ticket Ticket, ImportOutcome Outcome, int Added)>(plans.Count);
        var errors = new Dictionary<string, string[]>();
        var created = new List<Ticket>();
        foreach (var plan in plans)
        {
            Ticket ticket;
            IEnumerable<PlannedMessage> messages;
            var isNew = !existing.TryGetValue((plan.Source, plan.ExternalId), out var found);
            if (isNew)
            {
                var first = plan.Messages[0];
                var drafted = await desk.DraftAsync(plan.Open(first.Message), cancellationToken);
                if (!drafted.Succeeded)
                {
                    Collect(errors, drafted.Error, plan.Row.Field);
                    continue;
                }

                ticket = drafted.Value;
                ticket.ExternalSource = plan.Source;
                ticket.ExternalId = plan.ExternalId;
                ticket.CreatedAt = plan.CreatedAt;
                created.Add(ticket);
                messages = plan.Messages.Skip(1);
            }
            else
            {
                ticket = found!;
                var known = knownMessages[ticket.Id].ToHashSet(StringComparer.Ordinal);
                messages = plan.Messages.Where(m => !known.Contains(m.Message.ExternalId!));
            }

            var added = isNew ? 1 : 0;
            foreach (var message in messages)
            {
                var result = await desk.AddHistoryMessageAsync(ticket, message.Message, cancellationToken);
                if (!result.Succeeded)
                {
                    Collect(errors, result.Error, path => plan.Row.Field(message.Path + "." + path));
                }

                added++;
            }

            var moved = plan.MoveTo(ticket, desk);
            var outcome = isNew ? ImportOutcome.Created : added > 0 || moved ? ImportOutcome.Updated : ImportOutcome.Unchanged;
            results.Add((plan, ticket, outcome, added));
        }

        if (errors.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Error.Validation(errors);
        }

        Guid? batch = null;
        var changed = results.Where(r => r.Outcome != ImportOutcome.Unchanged).Select(r => r.Ticket).ToList();
        if (changed.Count > 0)
        {
            var set = await calendars.GetAsync(company, cancellationToken, db);
            await new SlaPlanner(db).ApplyAsync(changed, set, cancellationToken);
            await ClaimPastAlertsAsync(changed, now, cancellationToken);
            await desk.NumberAsync(created, cancellationToken);
            var count = (ImportOutcome o) => results.Count(r => r.Outcome == o);
            // Counts and sources only: the tickets' personal data stays in their (encrypted) rows.
            batch = Guid.CreateVersion7();
            audit.Stage(db, new AuditRecord("support.tickets.imported", "ticket-import", batch.Value.ToString(), null, new
            {
                sources = plans.Select(p => p.Source).Distinct().Order(StringComparer.Ordinal).ToList(),
                rows = plans.Count,
                created = count(ImportOutcome.Created),
                updated = count(ImportOutcome.Updated),
                unchanged = count(ImportOutcome.Unchanged),
                messagesAdded = results.Sum(r => r.Added),
            }));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var rows = results.ConvertAll(r => new ImportRowResult(r.Plan.Row.Name, r.Plan.Source, r.Plan.ExternalId, r.Outcome, r.Ticket.Id, r.Ticket.Number, r.Added));
        db.ChangeTracker.Clear();
        return new ImportResult(
            batch,
            rows.Count(r => r.Outcome == ImportOutcome.Created),
            rows.Count(r => r.Outcome == ImportOutcome.Updated),
            rows.Count(r => r.Outcome == ImportOutcome.Unchanged),
            rows.Sum(r => r.MessagesAdded),
            rows);
    }

    /// <summary>
    /// History's warnings and breaches happened before the import: each clock instant already past is claimed the way
    /// the SLA watch claims what it publishes, so the watch publishes none of them (no escalation mail, no paging).
    /// Instants still ahead of a ticket that is open fire as for any other ticket.
    /// </summary>
    private async Task ClaimPastAlertsAsync(List<Ticket> tickets, DateTime now, CancellationToken cancellationToken)
    {
        var ids = tickets.Select(t => t.Id).ToList();
        var claimed = (await db.SlaAlerts.AsNoTracking().Where(a => ids.Contains(a.TicketId)).Select(a => new { a.TicketId, a.Clock, a.Kind, a.Cycle }).ToListAsync(cancellationToken))
            .Select(a => (a.TicketId, a.Clock, a.Kind, a.Cycle)).ToHashSet();
        foreach (var ticket in tickets)
        {
            foreach (var (clock, kind, instant, cycle) in Instants(ticket))
            {
                if (instant is { } at && at <= now && claimed.Add((ticket.Id, clock, kind, cycle)))
                {
                    db.SlaAlerts.Add(new SlaAlert { Id = Guid.CreateVersion7(), TicketId = ticket.Id, Clock = clock, Kind = kind, Cycle = cycle, DueAt = at, At = now });
                }
            }
        }
    }

    private static IEnumerable<(SlaClockKind, SlaAlertKind, DateTime?, long)> Instants(Ticket t) =>
    [
        (SlaClockKind.FirstResponse, SlaAlertKind.Warning, t.FirstResponseWarnAt, 0),
        (SlaClockKind.FirstResponse, SlaAlertKind.Breach, t.FirstResponseDueAt, 0),
        (SlaClockKind.NextResponse, SlaAlertKind.Warning, t.NextResponseWarnAt, t.NextResponseCycle),
        (SlaClockKind.NextResponse, SlaAlertKind.Breach, t.NextResponseDueAt, t.NextResponseCycle),
        (SlaClockKind.Resolution, SlaAlertKind.Warning, t.ResolutionWarnAt, 0),
        (SlaClockKind.Resolution, SlaAlertKind.Breach, t.ResolutionDueAt, 0),
    ];

    private static void Collect(Dictionary<string, string[]> errors, Error error, Func<string, string> field)
    {
        foreach (var (key, messages) in error.Fields ?? new Dictionary<string, string[]> { [string.Empty] = [error.Detail] })
        {
            errors[field(key)] = messages;
        }
    }
}
