using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Persistence;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Web;

namespace Nqba.Server.Modules.Support.Tickets;

internal static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        // Client users reach their own organization's tickets only: the query filters confine them.
        var group = app.MapGroup("/api/support/tickets").WithTags("Support tickets").RequireAuthorization();

        group.MapGet("/", ListTickets)
            .WithName("ListSupportTickets")
            .WithSummary("Tickets, newest first, with their SLA clocks; filters by status, priority, channel, assignee, team, open.");
        group.MapGet("/{id:guid}", GetTicket)
            .WithName("GetSupportTicket")
            .WithSummary("A ticket with its whole conversation across channels (internal notes for staff only); the ETag header is the ticket's version, for If-Match on status changes and assignments.");
        group.MapPost("/", CreateTicket)
            .WithName("OpenSupportTicket")
            .WithSummary("Opens a ticket: on the portal for a client user's organization, or by staff for a caller (Phone), sender (Email) or the emergency hotline (Hotline: priority Emergency, pages on-call).");
        group.MapPost("/{id:guid}/messages", AddMessage)
            .WithName("AddSupportMessage")
            .WithSummary("Adds a message: a client's (reopens a solved ticket), an agent's reply (e-mailed to the requester, threaded) or an internal note.");
        group.MapPost("/{id:guid}/calls", LogCall)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("LogSupportCall")
            .WithSummary("Logs a phone call on the ticket (counts as an agent response); a call-back time creates a call-back task.");
        group.MapPost("/{id:guid}/status", ChangeStatus)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ChangeSupportTicketStatus")
            .WithSummary("Moves the ticket to Open, PendingOnClient (pauses SLA clocks), Solved, Closed or Reopened; with If-Match, only if the ticket is still at that version (else 412).");
        group.MapPost("/{id:guid}/priority", ChangePriority)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("ChangeSupportTicketPriority")
            .WithSummary("Changes the ticket's priority: its SLA policy is chosen again and its clocks recomputed from its history (audited); with If-Match, only if the ticket is still at that version (else 412).");
        group.MapPost("/{id:guid}/assign", AssignTicket)
            .RequireAuthorization(NqbaPolicies.Staff)
            .WithName("AssignSupportTicket")
            .WithSummary("Assigns the ticket to an agent, or lets assignment choose among available agents of its team; with If-Match, only if the ticket is still at that version (else 412). A concurrent change wins over it (409).");
        group.MapGet("/{id:guid}/attachments/{attachmentId:guid}", GetAttachment)
            .WithName("GetSupportAttachment")
            .WithSummary("Downloads an attachment (always as a download, never rendered inline).");

        var callbacks = app.MapGroup("/api/support/callbacks").WithTags("Support tickets").RequireAuthorization(NqbaPolicies.Staff);
        callbacks.MapGet("/", ListCallbacks)
            .WithName("ListSupportCallbacks")
            .WithSummary("Call-back tasks, soonest first.");
        callbacks.MapPost("/{id:guid}/done", CompleteCallback)
            .WithName("CompleteSupportCallback");

        // The public web form: anyone may ask for help; the answer reveals nothing but the new ticket's number.
        app.MapPost("/api/support/requests", SubmitRequest)
            .AllowAnonymous()
            .RequireRateLimiting(Platform.Web.RateLimiting.PublicForms)
            .WithTags("Support tickets")
            .WithName("SubmitSupportRequest")
            .WithSummary("The public support web form: opens a ticket (channel WebForm).");

        return app;
    }

    public static async Task<Ok<List<TicketDto>>> ListTickets(SupportDbContext db, CancellationToken ct, TicketStatus? status = null, TicketPriority? priority = null, TicketChannel? channel = null, Guid? assigneeId = null, Guid? teamId = null, bool? open = null, int take = 200)
    {
        var query = db.Tickets.AsNoTracking();
        query = status is null ? query : query.Where(t => t.Status == status);
        query = priority is null ? query : query.Where(t => t.Priority == priority);
        query = channel is null ? query : query.Where(t => t.Channel == channel);
        query = assigneeId is null ? query : query.Where(t => t.AssigneeId == assigneeId);
        query = teamId is null ? query : query.Where(t => t.TeamId == teamId);
        query = open is null ? query
            : open.Value ? query.Where(t => t.Status != TicketStatus.Solved && t.Status != TicketStatus.Closed)
            : query.Where(t => t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed);
        var tickets = await query.OrderByDescending(t => t.CreatedAt).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return TypedResults.Ok(tickets.ConvertAll(TicketDto.From));
    }

    public static async Task<Results<Ok<TicketDetailDto>, ProblemHttpResult>> GetTicket(Guid id, ClaimsPrincipal user, SupportDbContext db, TicketDesk desk, HttpResponse response, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null)
        {
            return Error.NotFound("Ticket", id).ToProblem();
        }

        var staff = !user.IsInRole(NqbaRoles.Client);
        var all = await db.Messages.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.At).ToListAsync(ct);
        var messages = all.FindAll(m => staff || !m.Internal);
        var files = (await db.Attachments.AsNoTracking().Where(a => a.TicketId == id).ToListAsync(ct)).ToLookup(a => a.MessageId);
        var history = await db.StatusChanges.AsNoTracking().Where(c => c.TicketId == id).OrderBy(c => c.At).ToListAsync(ct);
        response.Headers.ETag = EntityTag.Of(ticket.Version);
        return TypedResults.Ok(new TicketDetailDto(
            TicketDto.From(ticket),
            messages.ConvertAll(m => new MessageDto(m.Id, m.Channel, m.Author, m.AuthorName, m.Body, m.BodyHtml, m.Internal, m.At, m.CallDirection, m.CallSeconds,
                [.. files[m.Id].Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size))])),
            history.ConvertAll(c => new StatusChangeDto(c.From, c.To, c.At, c.By)),
            await desk.StatisticsAsync(ticket, all, history, ct)));
    }

    public static async Task<Results<Created<TicketDto>, ProblemHttpResult>> CreateTicket(CreateTicketRequest request, ClaimsPrincipal user, TicketDesk desk, CancellationToken ct)
    {
        var files = Decode(request.Attachments);
        if (!files.Succeeded)
        {
            return files.Error.ToProblem();
        }

        OpenTicket open;
        if (user.IsInRole(NqbaRoles.Client))
        {
            if (request.Priority == TicketPriority.Emergency)
            {
                return Error.Validation("priority", "Emergencies go through the emergency hotline; choose Low, Normal or Urgent here.").ToProblem();
            }

            var org = user.OrganizationId();
            if (org is null)
            {
                return Error.Forbidden("Your account belongs to no client organization.").ToProblem();
            }

            var name = user.DisplayName();
            open = new OpenTicket(request.Subject, name, user.FindFirstValue(ClaimTypes.Email), org,
                new NewMessage(TicketChannel.Portal, MessageAuthor.Client, name, request.Body, request.BodyHtml, user.UserId(), Attachments: files.Value),
                request.Priority ?? TicketPriority.Normal, user.UserId(), request.Language, Tags: request.Tags);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(request.RequesterName))
            {
                return Error.Validation("requesterName", "requesterName is required when staff open a ticket.").ToProblem();
            }

            var channel = request.Channel ?? TicketChannel.Phone;
            open = new OpenTicket(request.Subject, request.RequesterName, request.RequesterEmail, request.OrganizationId,
                new NewMessage(channel, MessageAuthor.Client, request.RequesterName, request.Body, request.BodyHtml, Attachments: files.Value),
                request.Priority ?? TicketPriority.Normal, null, request.Language, TeamCode: request.Team, Tags: request.Tags);
        }

        var result = await desk.OpenAsync(open, ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/support/tickets/{result.Value.Id}", TicketDto.From(result.Value))
            : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<Guid>, ProblemHttpResult>> AddMessage(Guid id, ReplyRequest request, ClaimsPrincipal user, TicketDesk desk, CancellationToken ct)
    {
        var files = Decode(request.Attachments);
        if (!files.Succeeded)
        {
            return files.Error.ToProblem();
        }

        var client = user.IsInRole(NqbaRoles.Client);
        if (client && request.Internal)
        {
            return Error.Validation("internal", "Only staff write internal notes.").ToProblem();
        }

        var message = new NewMessage(TicketChannel.Portal, client ? MessageAuthor.Client : MessageAuthor.Agent, user.DisplayName(), request.Body, request.BodyHtml, user.UserId(), request.Internal, Attachments: files.Value);
        var result = await desk.AddMessageAsync(id, message, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value.Id) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<Guid>, ProblemHttpResult>> LogCall(Guid id, LogCallRequest request, ClaimsPrincipal user, TicketDesk desk, CancellationToken ct)
    {
        var call = new NewMessage(TicketChannel.Phone, MessageAuthor.Agent, user.DisplayName(), request.Summary, AuthorUserId: user.UserId(), CallDirection: request.Direction, CallSeconds: request.DurationSeconds);
        var callback = request.CallbackAt is { } at ? new NewCallback(at.ToUniversalTime(), request.CallbackNote ?? request.Summary, user.UserId()) : null;
        var result = await desk.LogCallAsync(id, call, callback, ct);
        return result.Succeeded ? TypedResults.Ok(result.Value.Id) : result.Error.ToProblem();
    }

    public static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> ChangeStatus(Guid id, ChangeStatusRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, TicketDesk desk, HttpResponse response, CancellationToken ct) =>
        Tagged(await desk.ChangeStatusAsync(id, request.Status, user.DisplayName(), EntityTag.Expected(ifMatch), ct), response);

    public static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> ChangePriority(Guid id, ChangePriorityRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDesk desk, HttpResponse response, CancellationToken ct) =>
        Tagged(await desk.ChangePriorityAsync(id, request.Priority!.Value, EntityTag.Expected(ifMatch), ct), response);

    public static async Task<Results<Ok<TicketDto>, ProblemHttpResult>> AssignTicket(Guid id, AssignRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, TicketDesk desk, HttpResponse response, CancellationToken ct) =>
        Tagged(await desk.AssignAsync(id, request.AgentId, EntityTag.Expected(ifMatch), ct), response);

    private static Results<Ok<TicketDto>, ProblemHttpResult> Tagged(Result<Ticket> result, HttpResponse response)
    {
        if (!result.Succeeded)
        {
            return result.Error.ToProblem();
        }

        response.Headers.ETag = EntityTag.Of(result.Value.Version);
        return TypedResults.Ok(TicketDto.From(result.Value));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAttachment(Guid id, Guid attachmentId, ClaimsPrincipal user, SupportDbContext db, CancellationToken ct)
    {
        // Files of internal notes are staff-only, like the notes.
        var staff = !user.IsInRole(NqbaRoles.Client);
        var file = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.TicketId == id && (staff || db.Messages.Any(m => m.Id == a.MessageId && !m.Internal)))
            .FirstOrDefaultAsync(ct);
        if (file is null)
        {
            return Error.NotFound("Attachment", attachmentId).ToProblem();
        }

        // Empty bytes of a non-empty file: erased with its owner's data, or its key was destroyed.
        return file.Content.Length > 0 || file.Size == 0
            ? TypedResults.File(file.Content, "application/octet-stream", file.FileName)
            : new Error("attachment_erased", "Attachment erased", "The file was erased with its owner's data.", StatusCodes.Status410Gone).ToProblem();
    }

    public static async Task<Ok<List<CallbackDto>>> ListCallbacks(SupportDbContext db, CancellationToken ct, bool done = false) =>
        TypedResults.Ok((await db.Callbacks.AsNoTracking().Where(c => (c.DoneAt != null) == done).OrderBy(c => c.DueAt).Take(500).ToListAsync(ct))
            .ConvertAll(c => new CallbackDto(c.Id, c.TicketId, c.DueAt, c.Note, c.AssigneeId, c.DoneAt)));

    public static async Task<Results<NoContent, ProblemHttpResult>> CompleteCallback(Guid id, TicketDesk desk, CancellationToken ct) =>
        await desk.CompleteCallbackAsync(id, ct) is { } error ? error.ToProblem() : TypedResults.NoContent();

    public static async Task<Results<Created<TicketReceipt>, ProblemHttpResult>> SubmitRequest(WebFormRequest request, TicketDesk desk, CancellationToken ct)
    {
        var result = await desk.OpenAsync(new OpenTicket(request.Subject, request.Name, request.Email, null,
            new NewMessage(TicketChannel.WebForm, MessageAuthor.Client, request.Name, request.Message), Language: request.Language), ct);
        return result.Succeeded
            ? TypedResults.Created(string.Create(CultureInfo.InvariantCulture, $"/api/support/requests/{result.Value.Number}"), new TicketReceipt(result.Value.Number))
            : result.Error.ToProblem();
    }

    private static Result<IReadOnlyList<NewAttachment>> Decode(IReadOnlyList<AttachmentUpload>? uploads)
    {
        var files = new List<NewAttachment>();
        for (var i = 0; i < (uploads?.Count ?? 0); i++)
        {
            if (uploads![i] is not { ContentBase64: not null } upload)
            {
                return Error.Validation(string.Create(CultureInfo.InvariantCulture, $"attachments[{i}]"), "An attachment needs fileName, contentType and contentBase64.");
            }

            var buffer = new byte[upload.ContentBase64.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(upload.ContentBase64, buffer, out var length))
            {
                return Error.Validation(string.Create(CultureInfo.InvariantCulture, $"attachments[{i}].contentBase64"), "contentBase64 is not valid base64.");
            }

            files.Add(new NewAttachment(upload.FileName, upload.ContentType, buffer[..length]));
        }

        return files;
    }
}
