using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Modules.Support.Chat;

/// <summary>A conversation as text, one line per message with its UTC time and sender (for e-mail and tickets).</summary>
internal static class ChatTranscript
{
    public static async Task<string> ReadAsync(IQueryable<ChatMessage> messages, Guid conversationId, CancellationToken cancellationToken)
    {
        var lines = await messages.Where(m => m.ConversationId == conversationId).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var text = new StringBuilder();
        foreach (var m in lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{m.SentAt:yyyy-MM-dd HH:mm:ss}Z] {m.SenderName}: {m.Body}").Append('\n');
        }

        return text.ToString();
    }
}
