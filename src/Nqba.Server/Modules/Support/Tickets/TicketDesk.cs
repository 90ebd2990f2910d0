using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Support.Assignment;
using Nqba.Server.Modules.Support.Channels;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>
/// The one way tickets change, whatever the channel: open a ticket from a channel message, add messages, log
/// calls (and their call-backs), change status, assign. Every change recomputes the ticket's SLA clocks in the same
/// save and publishes its events.
/// </summary>
internal sealed class TicketDesk(
    SupportDbContext db,
    IClientDirectory clients,
    ICompanyDirectory company,
    SlaCalendars calendars,
    AgentAssigner assigner,
    HtmlBodies html,
    TicketMailer mailer,
    TimeProvider time,
    FieldProtector protector,
    IAuditLedger audit,
    IOptions<SupportOptions> options,
    IGoLiveSupport goLive)
{
    private const int MessageAttempts = 3;

    public const int MaxSubject = 300;
    public const int MaxBody = 100_000;

    /// <summary>Opens a ticket with its first message; region from the client organization, team from the code or the default team.</summary>
    public async Task<Result<Ticket>> OpenAsync(OpenTicket request, CancellationToken cancellationToken)
    {
        var drafted = await DraftAsync(request, cancellationToken);
        if (!drafted.Succeeded)
        {
            return drafted.Error;
        }

        var ticket = drafted.Value;
        var now = ticket.CreatedAt;
        if (ticket.TeamId is not null)
        {
            await assigner.AssignAsync(ticket, now, cancellationToken);
        }

        await RecomputeAsync(ticket, cancellationToken);
        db.Publish(new TicketOpened(ticket.Id, ticket.OrganizationId, ticket.Priority, ticket.Channel, now), now);
        await SaveNumberedAsync(ticket, cancellationToken);
        return ticket;
    }

    /// <summary>
    /// Checks a new ticket and adds it, with its first message, to the unit of work: what opening a ticket and
    /// importing one share. Nothing is numbered, assigned, computed, published or saved yet.
    /// </summary>
    public async Task<Result<Ticket>> DraftAsync(OpenTicket request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = request.At ?? time.GetUtcNow().UtcDateTime;
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > MaxSubject)
        {
            return Error.Validation("subject", $"subject is required and at most {MaxSubject} characters.");
        }

        if (Validate(request.FirstMessage) is { } invalid)
        {
            return invalid;
        }

        var region = request.RegionCode ?? options.Value.DefaultRegion;
        if (request.OrganizationId is { } org)
        {
            if (await clients.FindAsync(org, cancellationToken) is not { } client)
            {
                return Error.Validation("organizationId", $"Client organization '{org}' does not exist.");
            }

            region = client.RegionCode;
        }

        var team = request.TeamCode is null
            ? await db.Teams.OrderByDescending(t => t.IsDefault).ThenBy(t => t.Code).FirstOrDefaultAsync(cancellationToken)
            : await db.Teams.FirstOrDefaultAsync(t => t.Code == request.TeamCode, cancellationToken);
        if (request.TeamCode is not null && team is null)
        {
            return Error.Validation("team", $"Support team '{request.TeamCode}' does not exist.");
        }

        // A requester with an address gets a data key of their own, shared by all of their tickets: erasing them
        // destroys it. A first-time requester's is created with the ticket, in its transaction.
        var requesterEmail = request.RequesterEmail?.Trim();
        var requesterHash = string.IsNullOrEmpty(requesterEmail) ? null : await protector.SearchHashAsync(requesterEmail, cancellationToken);
        var subjectKey = requesterHash is null ? (Guid?)null : FieldProtector.SubjectKeyId(requesterHash);
        var ticket = new Ticket
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = request.OrganizationId,
            RequesterEmailHash = requesterHash,
            SubjectKeyId = subjectKey,
            RegionCode = region,
            Language = request.Language ?? "en",
            Subject = request.Subject.Trim(),
            RequesterName = request.RequesterName.Trim(),
            RequesterEmail = requesterEmail,
            RequesterUserId = request.RequesterUserId,
            Channel = request.FirstMessage.Channel,
            Priority = request.FirstMessage.Channel == TicketChannel.Hotline ? TicketPriority.Emergency
                : request.OrganizationId is { } live && request.Priority < TicketPriority.Urgent && await goLive.IsInGoLiveWindowAsync(live, now, cancellationToken) ? request.Priority + 1 // just live: one level up
                : request.Priority,
            Status = TicketStatus.New,
            Tags = string.Join(',', AgentChoice.Tags(request.Tags ?? string.Empty)),
            TeamId = team?.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Tickets.Add(ticket);
        var message = await AddMessageAsync(ticket, request.FirstMessage, request.FirstMessage.At ?? now, cancellationToken);
        if (message.Author == MessageAuthor.Agent && !message.Internal)
        {
            // A ticket an agent opens with an answer already given (a phone call solved on the line) starts answered.
            ticket.FirstRespondedAt = message.At;
        }

        return ticket;
    }

    /// <summary>
    /// Adds a message of a ticket's imported history at its own time (<see cref="NewMessage.At"/>): an agent's public
    /// one answers the ticket, but nothing is sent and no status changes (the history's own changes are recorded with
    /// <see cref="RecordHistoryStatus"/>).
    /// </summary>
    public async Task<Result<TicketMessage>> AddHistoryMessageAsync(Ticket ticket, NewMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var at = request.At ?? throw new ArgumentException("A history message carries its time.", nameof(request));
        var message = await AddMessageAsync(ticket, request, at, cancellationToken);
        if (request.Author == MessageAuthor.Agent && !request.Internal && (ticket.FirstRespondedAt is null || at < ticket.FirstRespondedAt))
        {
            ticket.FirstRespondedAt = at;
        }

        return message;
    }

    /// <summary>A status change of a ticket's imported history, at its own time; it publishes nothing (history sends no surveys).</summary>
    public void RecordHistoryStatus(Ticket ticket, TicketStatus to, string by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        SetStatus(ticket, to, by, at, publish: false);
    }

    /// <summary>Numbers new tickets from the ticket counter in one step; call it inside the transaction that saves them.</summary>
    public async Task NumberAsync(IReadOnlyList<Ticket> tickets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        if (tickets.Count == 0)
        {
            return;
        }

        var next = await TicketNumbers.NextAsync(db, tickets.Count, cancellationToken) - tickets.Count + 1;
        foreach (var ticket in tickets.OrderBy(t => t.CreatedAt))
        {
            ticket.Number = next++;
        }
    }

    /// <summary>Adds a message: a client's reopens a solved ticket and ends a pending wait; an agent's public one answers.</summary>
    public Task<Result<TicketMessage>> AddMessageAsync(Guid ticketId, NewMessage request, CancellationToken cancellationToken) =>
        AddMessageAsync(ticketId, request, null, cancellationToken);

    /// <summary>
    /// Logs a phone call (an agent's response) and, when one was promised, its call-back task, in one save. The
    /// call-back goes to the agent of the user who logged the call, else to the ticket's assignee.
    /// </summary>
    public Task<Result<TicketMessage>> LogCallAsync(Guid ticketId, NewMessage call, NewCallback? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return callback is not null && callback.DueAt <= time.GetUtcNow().UtcDateTime
            ? Task.FromResult<Result<TicketMessage>>(Error.Validation("callbackAt", "callbackAt must be in the future."))
            : AddMessageAsync(ticketId, call, callback, cancellationToken);
    }

    /// <summary>Marks a call-back task done (again: no change).</summary>
    public async Task<Error?> CompleteCallbackAsync(Guid callbackId, CancellationToken cancellationToken)
    {
        var task = await db.Callbacks.FirstOrDefaultAsync(c => c.Id == callbackId, cancellationToken);
        if (task is null)
        {
            return Error.NotFound("Call-back", callbackId);
        }

        task.DoneAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>
    /// Gives the ticket to an agent (moving it to the agent's team), or (null) to the available agent of its team
    /// assignment chooses. The change, its recomputed SLA clocks, <see cref="TicketAssigned"/> and its audit entry
    /// commit together, and only if the ticket is still at the version that was read: of concurrent assignments one
    /// wins, the others fail (412 with <paramref name="expectedVersion"/>, an If-Match; 409 without it, unless the
    /// winner gave the ticket to the same agent). A stale <paramref name="expectedVersion"/> fails before anything is
    /// decided. Assigning the agent who already holds the ticket changes nothing.
    /// </summary>
    public Task<Result<Ticket>> AssignAsync(Guid ticketId, Guid? agentId, int? expectedVersion, CancellationToken cancellationToken) =>
        AssignAsync(ticketId, agentId, false, expectedVersion, cancellationToken);

    /// <summary>Gives the ticket to another available agent of its team (an SLA escalation), as <see cref="AssignAsync(Guid, Guid?, int?, CancellationToken)"/> does.</summary>
    public Task<Result<Ticket>> ReassignAsync(Guid ticketId, CancellationToken cancellationToken) =>
        AssignAsync(ticketId, null, true, null, cancellationToken);

    private async Task<Result<Ticket>> AssignAsync(Guid ticketId, Guid? agentId, bool toAnother, int? expectedVersion, CancellationToken cancellationToken)
    {
        var loaded = await LoadForWriteAsync(ticketId, expectedVersion, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error;
        }

        var ticket = loaded.Value;

        if (ticket.Status == TicketStatus.Closed)
        {
            return Error.Conflict($"Ticket #{ticket.Number} is closed.");
        }

        SupportAgent? agent;
        if (agentId is { } id)
        {
            agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (agent is null)
            {
                return Error.Validation("agentId", $"Agent '{id}' does not exist.");
            }
        }
        else
        {
            agent = await assigner.ChooseAsync(ticket, cancellationToken, toAnother ? ticket.AssigneeId : null);
            if (agent is null)
            {
                return Error.Conflict("No available agent of the ticket's team can take it now.");
            }
        }

        if (agent.Id == ticket.AssigneeId && agent.TeamId == ticket.TeamId)
        {
            return ticket;
        }

        var (previous, previousTeam) = (ticket.AssigneeId, ticket.TeamId);
        var set = await calendars.GetAsync(company, cancellationToken, db);
        var now = time.GetUtcNow().UtcDateTime;
        ticket.AssigneeId = agent.Id;
        ticket.TeamId = agent.TeamId;
        ticket.UpdatedAt = now;
        agent.LastAssignedAt = now;
        await new SlaPlanner(db).ApplyAsync([ticket], set, cancellationToken);
        db.Publish(new TicketAssigned(ticket.Id, ticket.OrganizationId, agent.Id, previous, agent.TeamId, now), now);
        audit.Stage(db, new AuditRecord("support.ticket.assigned", "ticket", ticket.Id.ToString(), new { assigneeId = previous, teamId = previousTeam }, new { assigneeId = agent.Id, teamId = agent.TeamId }, ticket.OrganizationId));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ticket;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The ticket changed since it was read: this assignment was decided on a state that no longer holds.
            db.ChangeTracker.Clear();
        }

        if (expectedVersion is null
            && await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken) is { } current
            && current.AssigneeId == agent.Id && current.TeamId == agent.TeamId)
        {
            return current;
        }

        return expectedVersion is null
            ? Error.Conflict($"Ticket #{ticket.Number} was changed by someone else while you assigned it; reload it and try again.")
            : Stale(ticket.Number);
    }

    /// <summary>The tracked ticket a staff write starts from: not found, or 412 when If-Match names an older version.</summary>
    private async Task<Result<Ticket>> LoadForWriteAsync(Guid ticketId, int? expectedVersion, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return Error.NotFound("Ticket", ticketId);
        }

        return expectedVersion is { } expected && ticket.Version != expected ? Stale(ticket.Number) : ticket;
    }

    /// <summary>
    /// Saves a write decided on the ticket as it was read. When the ticket changed meanwhile the decision no longer
    /// holds: 412 with If-Match, else 409.
    /// </summary>
    private async Task<Result<Ticket>> SaveDecidedAsync(Ticket ticket, int? expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ticket;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return expectedVersion is null
                ? Error.Conflict($"Ticket #{ticket.Number} was changed by someone else meanwhile; reload it and try again.")
                : Stale(ticket.Number);
        }
    }

    /// <summary>The answer to a write whose If-Match names a version the ticket has moved on from.</summary>
    private static Error Stale(long number) =>
        new("precondition_failed", "Precondition failed", $"Ticket #{number} has changed since you read it (If-Match); reload it and try again.", StatusCodes.Status412PreconditionFailed);

    private async Task<Result<TicketMessage>> AddMessageAsync(Guid ticketId, NewMessage request, NewCallback? callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendMessageAsync(ticketId, request, callback, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Unlike an assignment or a status change, a message was not decided on the ticket's state: whatever
                // changed meanwhile, it is added again to the ticket as it is now (its status effects recomputed).
                db.ChangeTracker.Clear();
                if (attempt == MessageAttempts)
                {
                    return Error.Conflict("The ticket kept changing while the message was saved; send it again.");
                }
            }
        }
    }

    private async Task<Result<TicketMessage>> AppendMessageAsync(Guid ticketId, NewMessage request, NewCallback? callback, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
        if (ticket is null)
        {
            return Error.NotFound("Ticket", ticketId);
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            return Error.Conflict($"Ticket #{ticket.Number} is closed; open a new ticket.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var by = request.AuthorName;
        if (request.Author == MessageAuthor.Client)
        {
            if (ticket.Status == TicketStatus.Solved)
            {
                SetStatus(ticket, TicketStatus.Reopened, by, now);
            }
            else if (ticket.Status == TicketStatus.PendingOnClient)
            {
                SetStatus(ticket, TicketStatus.Open, by, now);
            }
        }

        var message = await AddMessageAsync(ticket, request, now, cancellationToken);
        EmailThreading? threading = null;
        if (request.Author == MessageAuthor.Agent && !request.Internal)
        {
            ticket.FirstRespondedAt ??= now;
            if (ticket.Status is TicketStatus.New or TicketStatus.Reopened)
            {
                SetStatus(ticket, TicketStatus.Open, by, now);
            }

            if (request.Channel != TicketChannel.Phone && ticket.RequesterEmail is not null)
            {
                threading = await mailer.ThreadingAsync(ticket, message.Id, cancellationToken);
                message.EmailMessageId = threading.MessageId;
            }
        }

        if (callback is not null)
        {
            var agent = callback.AgentUserId is { } userId
                ? await db.Agents.AsNoTracking().Where(a => a.UserId == userId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken)
                : null;
            db.Callbacks.Add(new CallbackTask { Id = Guid.CreateVersion7(), TicketId = ticket.Id, OrganizationId = ticket.OrganizationId, SubjectKeyId = ticket.SubjectKeyId, DueAt = callback.DueAt, Note = callback.Note, AssigneeId = agent ?? ticket.AssigneeId, CreatedAt = now });
        }

        ticket.UpdatedAt = now;
        await RecomputeAsync(ticket, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (threading is not null)
        {
            await mailer.SendAsync(ticket, message, threading, cancellationToken);
        }

        return message;
    }

    /// <summary>
    /// Changes the status; Closed is final, Reopened only follows Solved. Like an assignment it applies only to the
    /// version that was read: a stale <paramref name="expectedVersion"/> (If-Match) or a concurrent write fails it.
    /// </summary>
    public async Task<Result<Ticket>> ChangeStatusAsync(Guid ticketId, TicketStatus to, string by, int? expectedVersion, CancellationToken cancellationToken)
    {
        var loaded = await LoadForWriteAsync(ticketId, expectedVersion, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error;
        }

        var ticket = loaded.Value;

        if (ticket.Status == to)
        {
            return ticket;
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            return Error.Conflict($"Ticket #{ticket.Number} is closed.");
        }

        if (to == TicketStatus.New || (to == TicketStatus.Reopened && ticket.Status != TicketStatus.Solved))
        {
            return Error.Validation("status", $"A ticket cannot go from {ticket.Status} to {to}.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var responses = to == TicketStatus.Solved
            ? await db.Messages.IgnoreQueryFilters().CountAsync(m => m.TicketId == ticket.Id && m.Author == MessageAuthor.Agent && !m.Internal, cancellationToken)
            : 0;
        SetStatus(ticket, to, by, now, responses);
        await RecomputeAsync(ticket, cancellationToken);
        return await SaveDecidedAsync(ticket, expectedVersion, cancellationToken);
    }

    /// <summary>
    /// Changes the ticket's priority (audited, and <see cref="TicketPriorityChanged"/> raised: raising it to Emergency
    /// pages the team's on-call agent); its SLA policy is chosen again and every clock recomputed from the
    /// ticket's history under the new targets, in the same save. With <paramref name="expectedVersion"/>, only if the
    /// ticket is still at that version.
    /// </summary>
    public async Task<Result<Ticket>> ChangePriorityAsync(Guid ticketId, TicketPriority priority, int? expectedVersion, CancellationToken cancellationToken)
    {
        var loaded = await LoadForWriteAsync(ticketId, expectedVersion, cancellationToken);
        if (!loaded.Succeeded)
        {
            return loaded.Error;
        }

        var ticket = loaded.Value;

        if (ticket.Priority == priority)
        {
            return ticket;
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            return Error.Conflict($"Ticket #{ticket.Number} is closed.");
        }

        audit.Stage(db, new AuditRecord("support.ticket.priority-changed", "ticket", ticket.Id.ToString(), new { priority = ticket.Priority }, new { priority }, ticket.OrganizationId));
        var now = time.GetUtcNow().UtcDateTime;
        db.Publish(new TicketPriorityChanged(ticket.Id, ticket.OrganizationId, ticket.Priority, priority, now), now);
        ticket.Priority = priority;
        ticket.UpdatedAt = now;
        await RecomputeAsync(ticket, cancellationToken);
        return await SaveDecidedAsync(ticket, expectedVersion, cancellationToken);
    }

    /// <summary>The ticket's SLA figures from its whole history (internal notes never count), as of now.</summary>
    public async Task<TicketSlaStatistics> StatisticsAsync(Ticket ticket, IReadOnlyList<TicketMessage> messages, IReadOnlyList<TicketStatusChange> changes, CancellationToken cancellationToken)
    {
        var set = await calendars.GetAsync(company, cancellationToken, db);
        var targets = set.Targets(SlaSubject.Of(ticket));
        var history = SlaHistory.Of(ticket.CreatedAt, changes, messages.Select(m => (m.At, m.Author, m.Internal)));
        var clocks = SlaClock.Compute(history, targets, set.For(ticket.RegionCode), set.WarnShare);
        var now = time.GetUtcNow().UtcDateTime;
        var paused = TimeSpan.Zero;
        DateTime? pausedSince = null;
        foreach (var change in changes.OrderBy(c => c.At))
        {
            if (change.To == TicketStatus.PendingOnClient)
            {
                pausedSince ??= change.At;
            }
            else if (pausedSince is { } since)
            {
                paused += change.At - since;
                pausedSince = null;
            }
        }

        paused += pausedSince is { } open ? now - open : TimeSpan.Zero;
        var solved = ticket.Status is TicketStatus.Solved or TicketStatus.Closed;
        return new TicketSlaStatistics(
            targets.PolicyName,
            messages.Any(m => m.Author == MessageAuthor.Agent && !m.Internal) ? Math.Round(clocks.FirstResponse.Consumed.TotalMinutes, 2) : null,
            solved ? Math.Round(clocks.Resolution.Consumed.TotalMinutes, 2) : null,
            Math.Round(paused.TotalMinutes, 2),
            clocks.FirstResponse.Missed,
            clocks.Resolution.Missed);
    }

    /// <summary>Recomputes the clocks of one tracked ticket (pending messages and changes included).</summary>
    public async Task RecomputeAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        var set = await calendars.GetAsync(company, cancellationToken, db);
        await new SlaPlanner(db).ApplyAsync([ticket], set, cancellationToken);
    }

    private void SetStatus(Ticket ticket, TicketStatus to, string by, DateTime now, int agentResponses = 0, bool publish = true)
    {
        db.StatusChanges.Add(new TicketStatusChange { Id = Guid.CreateVersion7(), TicketId = ticket.Id, OrganizationId = ticket.OrganizationId, From = ticket.Status, To = to, At = now, By = by });
        if (to == TicketStatus.Reopened)
        {
            ticket.ReopenCount++;
        }

        if (to == TicketStatus.Solved)
        {
            ticket.SolvedAt = now;
        }

        if (to == TicketStatus.Solved && publish)
        {
            db.Publish(new TicketSolved(ticket.Id, ticket.OrganizationId, ticket.Priority, ticket.Channel, ticket.AssigneeId, agentResponses, now), now);
        }

        ticket.Status = to;
        ticket.UpdatedAt = now;
    }

    private async Task<TicketMessage> AddMessageAsync(Ticket ticket, NewMessage request, DateTime now, CancellationToken cancellationToken)
    {
        var safeHtml = html.Sanitize(request.BodyHtml);
        var body = string.IsNullOrWhiteSpace(request.Body) && safeHtml is not null ? HtmlBodies.TextOf(safeHtml) : request.Body ?? string.Empty;
        var message = new TicketMessage
        {
            Id = Guid.CreateVersion7(),
            TicketId = ticket.Id,
            OrganizationId = ticket.OrganizationId,
            SubjectKeyId = ticket.SubjectKeyId,
            Channel = request.Channel,
            Author = request.Author,
            AuthorUserId = request.AuthorUserId,
            AuthorName = request.AuthorName,
            Body = body,
            BodyHtml = safeHtml,
            Internal = request.Internal,
            At = now,
            ExternalId = request.ExternalId,
            EmailMessageId = request.EmailMessageId,
            CallDirection = request.CallDirection,
            CallSeconds = request.CallSeconds,
        };
        db.Messages.Add(message);
        foreach (var file in request.Attachments ?? [])
        {
            db.Attachments.Add(new TicketAttachment
            {
                Id = Guid.CreateVersion7(),
                TicketId = ticket.Id,
                MessageId = message.Id,
                OrganizationId = ticket.OrganizationId,
                SubjectKeyId = ticket.SubjectKeyId,
                FileName = file.FileName,
                ContentType = file.ContentType,
                Size = file.Content.Length,
                // Encrypted at rest like the message text, under the client organization's key ([Encrypted]).
                Content = file.Content,
            });
        }

        return message;
    }

    private Error? Validate(NewMessage message)
    {
        if (string.IsNullOrWhiteSpace(message.Body) && string.IsNullOrWhiteSpace(message.BodyHtml))
        {
            return Error.Validation("body", "body is required.");
        }

        if ((message.Body?.Length ?? 0) > MaxBody || (message.BodyHtml?.Length ?? 0) > 2 * MaxBody)
        {
            return Error.Validation("body", $"body is at most {MaxBody} characters.");
        }

        var files = message.Attachments ?? [];
        var o = options.Value;
        if (files.Count > o.MaxAttachmentsPerMessage)
        {
            return Error.Validation("attachments", $"At most {o.MaxAttachmentsPerMessage} attachments per message.");
        }

        for (var i = 0; i < files.Count; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"attachments[{i}]");
            if (string.IsNullOrWhiteSpace(files[i].FileName) || files[i].FileName.Length > 255)
            {
                return Error.Validation(field + ".fileName", "fileName is required and at most 255 characters.");
            }

            if (files[i].Content.Length > o.MaxAttachmentBytes)
            {
                return new Error(
                    "payload_too_large",
                    "Attachment too large",
                    $"'{files[i].FileName}' has {files[i].Content.Length} bytes; the limit is {o.MaxAttachmentBytes}.",
                    StatusCodes.Status413PayloadTooLarge,
                    new Dictionary<string, string[]> { [field] = [$"at most {o.MaxAttachmentBytes} bytes"] });
            }
        }

        return null;
    }

    /// <summary>
    /// Saves a new ticket under the next number of the ticket counter, taken in the save's transaction: concurrent
    /// openers wait for each other's commit, so numbers never collide.
    /// </summary>
    private async Task SaveNumberedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        ticket.Number = await TicketNumbers.NextAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
