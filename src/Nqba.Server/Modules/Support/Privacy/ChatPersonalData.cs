using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Chat.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Support.Privacy;

/// <summary>
/// Live chats for privacy requests: a person's conversations (as the visitor) with every message in them are
/// exported; erasure and the retention purge (<c>support.chats</c>: conversations no longer open and inactive since
/// the cutoff) redact the visitor's name, e-mail and own messages, so the conversation stays for the first-response
/// statistics. Erasure then destroys the visitor's own data key, which makes the rest of the conversation (the
/// agents' and the bot's answers) unreadable too. A person's chats are found by the keyed hash of their address;
/// chats from before the hash was stored, by decrypting.
/// </summary>
internal sealed class ChatPersonalData(SupportChatDbContext db, FieldProtector protector) : IPersonalDataSource, IRetentionPolicy
{
    public string Name => "support-chat";

    public string Category => "support.chats";

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var conversations = await ConversationsOfAsync(subject, track: false, cancellationToken);
        var ids = conversations.ConvertAll(c => c.Id);
        var messages = await db.Messages.IgnoreQueryFilters().AsNoTracking().Where(m => ids.Contains(m.ConversationId))
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var records = conversations.ConvertAll(c => new PersonalDataRecord("chat", c.Id.ToString(), new
        {
            c.VisitorName,
            c.VisitorEmail,
            c.RegionCode,
            c.Language,
            c.Status,
            c.AgentName,
            c.StartedAt,
            c.LastActivityAt,
            c.HandedOverAt,
            c.ClosedAt,
        }));
        records.AddRange(messages.Select(m => new PersonalDataRecord("chat-message", m.Id.ToString(), new { m.ConversationId, m.Sender, m.SenderName, m.Body, m.SentAt })));
        return records;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var conversations = await ConversationsOfAsync(subject, track: true, cancellationToken);
        var count = await RedactAsync(conversations, cancellationToken);
        await protector.DestroyOrganizationKeysAsync(conversations.Select(c => c.SubjectKeyId), cancellationToken);
        return count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var conversations = await ConversationsOfAsync(subject, track: true, cancellationToken);
        foreach (var conversation in conversations)
        {
            conversation.VisitorName = correction.Name ?? conversation.VisitorName;
            if (correction is { Email: { } email })
            {
                // The key stays the one of the old address: the person keeps one key for all of their chats.
                conversation.VisitorEmail = email;
                conversation.VisitorEmailHash = correction.EmailHash ?? await protector.SearchHashAsync(email, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return conversations.Count;
    }

    public async Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        var stale = await db.Conversations.IgnoreQueryFilters()
            .Where(c => c.LastActivityAt < cutoff && (c.Status == ChatStatus.Closed || c.Status == ChatStatus.HandedOver))
            .ToListAsync(cancellationToken);
        return await RedactAsync(stale.FindAll(c => c.VisitorEmail != FieldProtector.ErasedValue), cancellationToken);
    }

    private async Task<int> RedactAsync(List<ChatConversation> conversations, CancellationToken cancellationToken)
    {
        var ids = conversations.ConvertAll(c => c.Id);
        var messages = await db.Messages.IgnoreQueryFilters().Where(m => ids.Contains(m.ConversationId) && m.Sender == ChatSender.Visitor).ToListAsync(cancellationToken);
        foreach (var conversation in conversations)
        {
            conversation.VisitorName = FieldProtector.ErasedValue;
            conversation.VisitorEmail = FieldProtector.ErasedValue;
            conversation.VisitorEmailHash = FieldProtector.ErasedValue; // not null: that would put it among the chats scanned by decrypting
        }

        foreach (var message in messages)
        {
            message.SenderName = FieldProtector.ErasedValue;
            message.Body = FieldProtector.ErasedValue;
        }

        await db.SaveChangesAsync(cancellationToken);
        return conversations.Count + messages.Count;
    }

    private async Task<List<ChatConversation>> ConversationsOfAsync(DataSubject subject, bool track, CancellationToken cancellationToken)
    {
        var query = db.Conversations.IgnoreQueryFilters();
        if (!track)
        {
            query = query.AsNoTracking();
        }

        if (subject.OrganizationId is { } org)
        {
            return await query.Where(c => c.OrganizationId == org).ToListAsync(cancellationToken);
        }

        var found = subject.EmailHash is { } hash ? await query.Where(c => c.VisitorEmailHash == hash).ToListAsync(cancellationToken) : [];

        // Chats from before the hash was stored: decrypted as they are read, compared in memory.
        var legacy = await query.Where(c => c.VisitorEmailHash == null).ToListAsync(cancellationToken);
        found.AddRange(legacy.FindAll(c => string.Equals(c.VisitorEmail.Trim(), subject.Email, StringComparison.OrdinalIgnoreCase)));
        return found;
    }
}
