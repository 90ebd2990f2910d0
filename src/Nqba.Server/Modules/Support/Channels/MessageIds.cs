using System.Globalization;
using System.Text.RegularExpressions;

namespace Nqba.Server.Modules.Support.Channels;

/// <summary>Message-IDs of outgoing replies and the ticket number carried in subjects (<c>[#1042]</c>).</summary>
internal static partial class MessageIds
{
    public static string For(long ticketNumber, Guid messageId, string domain) =>
        string.Create(CultureInfo.InvariantCulture, $"ticket-{ticketNumber}.{messageId:N}@{domain}");

    public static string Subject(string subject, long number)
    {
        var tag = string.Create(CultureInfo.InvariantCulture, $"[#{number}]");
        var text = subject.Contains(tag, StringComparison.Ordinal) ? subject : $"{subject} {tag}";
        return text.StartsWith("Re:", StringComparison.OrdinalIgnoreCase) ? text : "Re: " + text;
    }

    public static long? NumberIn(string? subject) =>
        subject is not null && TicketTag().Match(subject) is { Success: true } m && long.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"\[#(\d{1,18})\]")]
    private static partial Regex TicketTag();
}
