using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Support.Chat.Bot;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Modules.Support.Chat.Resources;
using Nqba.Server.Modules.Support.Knowledge;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>
/// Live chat: what both hubs do, as methods returning results. A visitor talks to the bot first; a handover
/// puts the chat in the waiting queue when an agent is online in business hours, and otherwise (or when nobody
/// accepts within <see cref="SupportChatOptions.PickupTimeout"/>) publishes <see cref="ChatHandedOver"/>.
/// A chat waiting for an agent runs the live-chat first-response SLA clock (policy for channel Chat) from the
/// handover to the accept; <see cref="ChatSlaWatch"/> publishes its warning and breach.
/// </summary>
internal sealed class ChatService(
    SupportChatDbContext db,
    ChatBot bot,
    ICompanyDirectory company,
    ChatNotifier notifier,
    INotificationService notifications,
    SlaCalendars calendars,
    FieldProtector protector,
    TimeProvider time,
    IOptions<SupportChatOptions> options)
{
    private static readonly ChatStatus[] OpenStatuses = [ChatStatus.Bot, ChatStatus.Waiting, ChatStatus.Active];

    /// <summary>The stored form of a visitor token: its SHA-256, so the table cannot be used to impersonate a visitor.</summary>
    public static string VisitorKey(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static Error? ValidateToken(string? token) =>
        token is { Length: >= 16 and <= 128 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? null
            : Error.Validation("visitor", "The visitor token must be 16 to 128 letters, digits, '-' or '_'.");

    public async Task<Result<ConversationView>> StartAsync(string? token, StartChatRequest request, Guid? organizationId, CancellationToken cancellationToken)
    {
        if (ValidateToken(token) is { } invalid)
        {
            return invalid;
        }

        if (await OpenConversationAsync(token!, cancellationToken) is { } existing)
        {
            return await ViewAsync(existing, cancellationToken);
        }

        var snapshot = await company.GetAsync(cancellationToken);
        var fields = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            fields["name"] = ["Give your name (at most 200 characters)."];
        }

        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 320 || !new EmailAddressAttribute().IsValid(request.Email))
        {
            fields["email"] = ["Give a valid e-mail address: a transcript or a ticket reply goes there."];
        }

        if (snapshot.Region(request.Region) is null)
        {
            fields["region"] = [$"Region must be one of {string.Join(", ", snapshot.Regions.Select(r => r.Code))}."];
        }

        if (!KbLanguages.IsSupported(request.Language))
        {
            fields["language"] = ["Language must be one of en, de, ja."];
        }

        if (fields.Count > 0)
        {
            return Error.Validation(fields);
        }

        // The visitor's own data key; a first-time visitor's is created with the conversation, in its transaction.
        var emailHash = await protector.SearchHashAsync(request.Email!, cancellationToken);
        var subjectKey = FieldProtector.SubjectKeyId(emailHash);
        var now = Now();
        var conversation = new ChatConversation
        {
            Id = Guid.CreateVersion7(),
            VisitorKey = VisitorKey(token!),
            VisitorName = request.Name!.Trim(),
            VisitorEmail = request.Email!.Trim(),
            VisitorEmailHash = emailHash,
            SubjectKeyId = subjectKey,
            RegionCode = request.Region!,
            Language = request.Language!,
            OrganizationId = organizationId,
            Status = ChatStatus.Bot,
            StartedAt = now,
            LastActivityAt = now,
        };
        db.Conversations.Add(conversation);
        var greeting = AddMessage(conversation, ChatSender.Bot, BotName, SupportChatResource.Get("BotGreeting", conversation.Language, conversation.VisitorName), now);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.ConversationAsync(Summary(conversation));
        return new ConversationView(Summary(conversation), [View(greeting)]);
    }

    /// <summary>The visitor's open conversation (bot, waiting or active), or null.</summary>
    public Task<ChatConversation?> OpenConversationAsync(string token, CancellationToken cancellationToken)
    {
        var key = VisitorKey(token);
        return db.Conversations.Where(c => c.VisitorKey == key && OpenStatuses.Contains(c.Status)).OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Result<MessageView>> VisitorSendAsync(string token, string? text, CancellationToken cancellationToken)
    {
        if (ValidateText(text) is { } invalid)
        {
            return invalid;
        }

        if (await OpenConversationAsync(token, cancellationToken) is not { } conversation)
        {
            return NoConversation();
        }

        var now = Now();
        var message = AddMessage(conversation, ChatSender.Visitor, conversation.VisitorName, text!.Trim(), now);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.MessageAsync(View(message));
        if (conversation.Status == ChatStatus.Bot)
        {
            var reply = await bot.ReplyAsync(message.Body, conversation.Language, cancellationToken);
            if (reply.Text is not null)
            {
                var answer = AddMessage(conversation, ChatSender.Bot, BotName, reply.Text, Now());
                answer.ArticleId = reply.ArticleId;
                answer.Confidence = reply.Confidence;
                await db.SaveChangesAsync(cancellationToken);
                await notifier.MessageAsync(View(answer));
            }

            if (reply.HandsOver)
            {
                await HandOverAsync(conversation, reply.Outcome == BotOutcome.HumanRequested ? "visitor-asked" : "low-confidence", cancellationToken);
            }
        }

        return View(message);
    }

    public async Task<Result<ConversationSummary>> RequestHumanAsync(string token, CancellationToken cancellationToken)
    {
        if (await OpenConversationAsync(token, cancellationToken) is not { } conversation)
        {
            return NoConversation();
        }

        if (conversation.Status == ChatStatus.Bot)
        {
            await HandOverAsync(conversation, "visitor-asked", cancellationToken);
        }

        return Summary(conversation);
    }

    public async Task<Result<string>> EmailTranscriptAsync(string token, CancellationToken cancellationToken)
    {
        var key = VisitorKey(token);
        var conversation = await db.Conversations.Where(c => c.VisitorKey == key).OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return NoConversation();
        }

        var transcript = await TranscriptAsync(conversation.Id, cancellationToken);
        return await notifications.SendAsync<ChatTranscriptMail, ChatTranscriptMailModel>(new(conversation.VisitorEmail, conversation.Language, new ChatTranscriptMailModel(transcript)), cancellationToken);
    }

    public async Task<Result<DateTime>> VisitorReadAsync(string token, CancellationToken cancellationToken)
    {
        if (await OpenConversationAsync(token, cancellationToken) is not { } conversation)
        {
            return NoConversation();
        }

        conversation.VisitorReadAt = Now();
        await db.SaveChangesAsync(cancellationToken);
        await notifier.VisitorReadAsync(conversation.Id, conversation.VisitorReadAt.Value);
        return conversation.VisitorReadAt.Value;
    }

    public async Task<List<ConversationSummary>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var conversations = await db.Conversations.AsNoTracking().Where(c => OpenStatuses.Contains(c.Status))
            .OrderByDescending(c => c.LastActivityAt).Take(200).ToListAsync(cancellationToken);
        return conversations.ConvertAll(Summary);
    }

    public async Task<Result<ConversationView>> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } conversation
            ? await ViewAsync(conversation, cancellationToken)
            : Error.NotFound("Conversation", id);

    /// <summary>An agent takes a chat that is with the bot or waiting; exactly one agent wins a race.</summary>
    public async Task<Result<ConversationView>> AcceptAsync(Guid id, string agentUserId, string agentName, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        var taken = await db.Conversations.Where(c => c.Id == id && (c.Status == ChatStatus.Waiting || c.Status == ChatStatus.Bot))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ChatStatus.Active).SetProperty(c => c.AgentUserId, agentUserId)
                .SetProperty(c => c.AgentName, agentName).SetProperty(c => c.LastActivityAt, now), cancellationToken);
        if (taken == 0)
        {
            return await db.Conversations.AnyAsync(c => c.Id == id, cancellationToken)
                ? Error.Conflict("The chat was taken by another agent or is no longer open.")
                : Error.NotFound("Conversation", id);
        }

        var conversation = await db.Conversations.FirstAsync(c => c.Id == id, cancellationToken);
        await StopFirstResponseClockAsync(conversation, now, cancellationToken);
        var joined = AddMessage(conversation, ChatSender.System, agentName, SupportChatResource.Get("AgentJoined", conversation.Language, agentName), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.ConversationAsync(Summary(conversation));
        await notifier.MessageAsync(View(joined));
        return await ViewAsync(conversation, cancellationToken);
    }

    public async Task<Result<MessageView>> AgentSendAsync(Guid id, string agentUserId, string? text, CancellationToken cancellationToken)
    {
        if (ValidateText(text) is { } invalid)
        {
            return invalid;
        }

        if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } conversation)
        {
            return Error.NotFound("Conversation", id);
        }

        if (conversation.Status != ChatStatus.Active || conversation.AgentUserId != agentUserId)
        {
            return Error.Conflict("Accept the chat before answering; it is not yours or not active.");
        }

        var now = Now();
        await StopFirstResponseClockAsync(conversation, now, cancellationToken);
        var message = AddMessage(conversation, ChatSender.Agent, conversation.AgentName ?? "Agent", text!.Trim(), now);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.MessageAsync(View(message));
        return View(message);
    }

    public async Task<Result<DateTime>> AgentReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } conversation)
        {
            return Error.NotFound("Conversation", id);
        }

        conversation.AgentReadAt = Now();
        await db.SaveChangesAsync(cancellationToken);
        await notifier.AgentReadAsync(id, conversation.AgentReadAt.Value);
        return conversation.AgentReadAt.Value;
    }

    public async Task<Result<ConversationSummary>> CloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } conversation)
        {
            return Error.NotFound("Conversation", id);
        }

        if (conversation.Status is ChatStatus.Closed or ChatStatus.HandedOver)
        {
            return Summary(conversation);
        }

        var now = Now();
        conversation.Status = ChatStatus.Closed;
        conversation.ClosedAt = now;
        var closed = AddMessage(conversation, ChatSender.System, BotName, SupportChatResource.Get("ChatClosed", conversation.Language), now);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.MessageAsync(View(closed));
        await notifier.ConversationAsync(Summary(conversation));
        return Summary(conversation);
    }

    /// <summary>Hands over every chat that has waited longer than the pickup timeout; returns how many.</summary>
    public async Task<int> HandOverUnansweredAsync(CancellationToken cancellationToken)
    {
        var cutoff = Now() - options.Value.PickupTimeout;
        var ids = await db.Conversations.Where(c => c.Status == ChatStatus.Waiting && c.WaitingSince <= cutoff).OrderBy(c => c.WaitingSince).Select(c => c.Id).Take(500).ToListAsync(cancellationToken);
        var count = 0;
        foreach (var id in ids)
        {
            if (await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } conversation &&
                await ToTicketAsync(conversation, "no-pickup", outsideHours: false, cancellationToken))
            {
                count++;
            }
        }

        return count;
    }

    public Task<string> TranscriptAsync(Guid conversationId, CancellationToken cancellationToken) =>
        ChatTranscript.ReadAsync(db.Messages.AsNoTracking(), conversationId, cancellationToken);

    public Task VisitorTypingAsync(Guid conversationId, bool typing) => notifier.VisitorTypingAsync(conversationId, typing);

    public Task AgentTypingAsync(Guid conversationId, bool typing) => notifier.AgentTypingAsync(conversationId, typing);

    public static ConversationSummary Summary(ChatConversation c) =>
        new(c.Id, c.Status, c.VisitorName, c.RegionCode, c.Language, c.AgentName, c.StartedAt, c.LastActivityAt, c.WaitingSince, c.VisitorReadAt, c.AgentReadAt, c.HandoverReason,
            c.FirstResponseDueAt, c.FirstResponseSeconds);

    public static MessageView View(ChatMessage m) => new(m.Id, m.ConversationId, m.Sender, m.SenderName, m.Body, m.SentAt, m.ArticleId, m.Confidence);

    private const string BotName = "NQBA";

    private static Error NoConversation() => new("no_conversation", "No open chat", "Start a chat first.", StatusCodes.Status404NotFound);

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    private Error? ValidateText(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > options.Value.MaxMessageLength
            ? Error.Validation("text", $"A message has 1 to {options.Value.MaxMessageLength} characters.")
            : null;

    private ChatMessage AddMessage(ChatConversation conversation, ChatSender sender, string senderName, string body, DateTime at)
    {
        var message = new ChatMessage
        {
            Id = Guid.CreateVersion7(),
            ConversationId = conversation.Id,
            OrganizationId = conversation.OrganizationId,
            SubjectKeyId = conversation.SubjectKeyId,
            Sender = sender,
            SenderName = senderName,
            Body = body,
            SentAt = at,
        };
        db.Messages.Add(message);
        conversation.LastActivityAt = at;
        return message;
    }

    private async Task<ConversationView> ViewAsync(ChatConversation conversation, CancellationToken cancellationToken)
    {
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        return new ConversationView(Summary(conversation), messages.ConvertAll(View));
    }

    /// <summary>
    /// The live-chat first-response clock over <paramref name="history"/> (the handover, then the accept): the SLA
    /// policy for channel Chat, measured on the chat region's business calendar unless the policy runs around the clock.
    /// </summary>
    private async Task<(string Policy, SlaClockReading Reading)> FirstResponseClockAsync(ChatConversation conversation, IReadOnlyList<SlaEvent> history, CancellationToken cancellationToken)
    {
        var set = await calendars.GetAsync(company, cancellationToken);
        var targets = set.Targets(new SlaSubject(TicketChannel.Chat, TicketPriority.Normal, conversation.OrganizationId, [], string.Empty));
        var deadlines = SlaClock.Compute(history, targets, set.For(targets, null, conversation.RegionCode), set.WarnShare);
        return (targets.PolicyName, deadlines.FirstResponse);
    }

    /// <summary>Stops a running first-response clock at the agent's accept (or first reply) and records the measured time.</summary>
    private async Task StopFirstResponseClockAsync(ChatConversation conversation, DateTime at, CancellationToken cancellationToken)
    {
        if (conversation.WaitingSince is not { } since || conversation.FirstRespondedAt is not null)
        {
            return;
        }

        var clock = await FirstResponseClockAsync(conversation, [new SlaEvent(since, SlaEventKind.Opened), new SlaEvent(at, SlaEventKind.AgentResponse)], cancellationToken);
        conversation.FirstRespondedAt = at;
        conversation.FirstResponseSeconds = Math.Round(clock.Reading.Consumed.TotalSeconds, 3);
        conversation.FirstResponseWarnAt = null;
        conversation.FirstResponseDueAt = clock.Reading.Missed ? conversation.FirstResponseDueAt ?? clock.Reading.DueAt : null;
    }

    /// <summary>To an agent if one is online within the region's business hours, otherwise to a ticket.</summary>
    private async Task HandOverAsync(ChatConversation conversation, string reason, CancellationToken cancellationToken)
    {
        var now = Now();
        var region = (await company.GetAsync(cancellationToken)).Region(conversation.RegionCode);
        var outsideHours = region is not null && !region.Calendar().IsOpen(new DateTimeOffset(now, TimeSpan.Zero));
        var seenSince = now - options.Value.AgentPresenceTimeout;
        var agentOnline = await db.Presence.AnyAsync(p => p.LastSeenAt >= seenSince, cancellationToken);
        if (outsideHours || !agentOnline)
        {
            await ToTicketAsync(conversation, reason, outsideHours, cancellationToken);
            return;
        }

        conversation.Status = ChatStatus.Waiting;
        conversation.WaitingSince = now;
        conversation.HandoverReason = reason;
        var clock = await FirstResponseClockAsync(conversation, [new SlaEvent(now, SlaEventKind.Opened)], cancellationToken);
        conversation.SlaPolicy = clock.Policy;
        conversation.FirstResponseWarnAt = clock.Reading.WarnAt;
        conversation.FirstResponseDueAt = clock.Reading.DueAt;
        var waiting = AddMessage(conversation, ChatSender.Bot, BotName, SupportChatResource.Get("HandoverWaiting", conversation.Language), now);
        await db.SaveChangesAsync(cancellationToken);
        await notifier.MessageAsync(View(waiting));
        await notifier.ConversationAsync(Summary(conversation));
    }

    /// <summary>Publishes <see cref="ChatHandedOver"/> (ids only; the ticket reads the transcript from here); false when the chat was no longer open (an agent took it).</summary>
    private async Task<bool> ToTicketAsync(ChatConversation conversation, string reason, bool outsideHours, CancellationToken cancellationToken)
    {
        var now = Now();
        var status = conversation.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The chat's first-response clock ends here unanswered (the ticket's own clock takes over): no warning any
        // more, and the due instant stays only when it had passed (the breach is still owed).
        var moved = await db.Conversations.Where(c => c.Id == conversation.Id && c.Status == status)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ChatStatus.HandedOver).SetProperty(c => c.HandedOverAt, now)
                .SetProperty(c => c.OutsideHours, outsideHours).SetProperty(c => c.HandoverReason, reason).SetProperty(c => c.LastActivityAt, now)
                .SetProperty(c => c.FirstResponseWarnAt, (DateTime?)null)
                .SetProperty(c => c.FirstResponseDueAt, c => c.FirstResponseDueAt <= now ? c.FirstResponseDueAt : null), cancellationToken);
        if (moved == 0)
        {
            return false;
        }

        // The row is updated in SQL (only if still in the state read); the tracked copy must not write it back.
        db.Entry(conversation).State = EntityState.Detached;
        conversation.Status = ChatStatus.HandedOver;
        conversation.HandedOverAt = now;
        conversation.OutsideHours = outsideHours;
        conversation.HandoverReason = reason;
        conversation.FirstResponseWarnAt = null;
        conversation.FirstResponseDueAt = conversation.FirstResponseDueAt <= now ? conversation.FirstResponseDueAt : null;
        var notice = AddMessage(conversation, ChatSender.Bot, BotName, SupportChatResource.Get(outsideHours ? "HandoverOutsideHours" : "HandoverTicket", conversation.Language), now);
        await db.SaveChangesAsync(cancellationToken);
        db.Publish(new ChatHandedOver(conversation.Id, conversation.OrganizationId, conversation.RegionCode, conversation.Language, outsideHours, now), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notifier.MessageAsync(View(notice));
        await notifier.ConversationAsync(Summary(conversation));
        return true;
    }
}
