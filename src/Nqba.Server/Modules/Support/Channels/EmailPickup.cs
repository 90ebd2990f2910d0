using Microsoft.Extensions.Options;
using MimeKit;

namespace Nqba.Server.Modules.Support.Channels;

/// <summary>
/// The embedded e-mail-in channel: .eml files dropped into the pickup folder are parsed (MimeKit) and taken in;
/// each file then moves to <c>processed/</c>, or to <c>failed/</c> when it cannot be parsed or was rejected.
/// </summary>
internal sealed partial class EmailPickup(EmailIntake intake, IOptions<SupportOptions> options, IHostEnvironment environment, ILogger<EmailPickup> logger)
{
    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.PickupDirectory));

    public async Task<IReadOnlyList<EmailOutcome>> ProcessAsync(CancellationToken cancellationToken)
    {
        var folder = Folder;
        Directory.CreateDirectory(folder);
        var outcomes = new List<EmailOutcome>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList())
        {
            EmailOutcome outcome;
            try
            {
                MimeMessage message;
                await using (var stream = File.OpenRead(file))
                {
                    message = await MimeMessage.LoadAsync(stream, cancellationToken);
                }

                outcome = await intake.ProcessAsync(message, cancellationToken);
            }
            catch (FormatException ex)
            {
                LogUnreadable(logger, file, ex);
                outcome = EmailOutcome.Rejected("not a parseable e-mail");
            }

            Move(file, outcome.Kind == EmailOutcomeKind.Rejected ? "failed" : "processed");
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    private static void Move(string file, string into)
    {
        var target = Path.Combine(Path.GetDirectoryName(file)!, into);
        Directory.CreateDirectory(target);
        File.Move(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail file {File} could not be parsed")]
    private static partial void LogUnreadable(ILogger logger, string file, Exception ex);
}
