using Microsoft.Extensions.Options;
using MimeKit;
using Nqba.Server.Platform.Privacy;

namespace Nqba.Server.Platform.Notifications;

/// <summary>
/// The .eml files the default mail sink writes (no SMTP server configured) hold names and addresses in plain text,
/// so they are personal data like any table: an erasure deletes every message that names the person (decoded, headers,
/// bodies and attachments), and the <c>platform.mail-outbox</c> retention category deletes messages older than its days.
/// </summary>
internal sealed partial class MailOutbox(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<MailOutbox> logger) : IRetentionPolicy
{
    public string Category => "platform.mail-outbox";

    private string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.OutboxDirectory));

    /// <summary>Deletes every outbox message whose text contains one of <paramref name="terms"/> (case-insensitive). Returns the count.</summary>
    public async Task<int> PurgeMentioningAsync(IReadOnlyCollection<string> terms, CancellationToken cancellationToken)
    {
        var needles = terms.Where(t => t.Trim().Length >= 3).Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (needles.Count == 0 || !Directory.Exists(Folder))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*.eml"))
        {
            var text = await ReadableTextAsync(path, cancellationToken);
            if (text is not null && needles.Exists(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            {
                File.Delete(path);
                deleted++;
            }
        }

        return deleted;
    }

    public Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder))
        {
            return Task.FromResult(0);
        }

        var deleted = 0;
        foreach (var path in Directory.EnumerateFiles(Folder, "*.eml"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (File.GetLastWriteTimeUtc(path) < cutoff)
            {
                File.Delete(path);
                deleted++;
            }
        }

        return Task.FromResult(deleted);
    }

    private async Task<string?> ReadableTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var message = await MimeMessage.LoadAsync(path, cancellationToken);
            var text = new System.Text.StringBuilder();
            text.AppendLine(message.From.ToString()).AppendLine(message.To.ToString()).AppendLine(message.Cc.ToString()).AppendLine(message.Subject);
            foreach (var part in message.BodyParts.OfType<MimePart>())
            {
                if (part.Content is null)
                {
                    continue;
                }

                using var decoded = new MemoryStream();
                await part.Content.DecodeToAsync(decoded, cancellationToken);
                text.AppendLine(System.Text.Encoding.UTF8.GetString(decoded.ToArray()));
            }

            // The raw file too: whatever the parts' encodings, a plain-text match there is a match.
            text.AppendLine(await File.ReadAllTextAsync(path, cancellationToken));
            return text.ToString();
        }
        catch (Exception e) when (e is IOException or FormatException or ParseException)
        {
            LogUnreadable(logger, path, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Path} could not be read for erasure: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string path, string reason);
}
