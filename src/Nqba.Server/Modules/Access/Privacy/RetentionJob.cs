using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// Runs the retention purges (at start, then every <see cref="AccessOptions.RetentionInterval"/>; declared in
/// <c>AddAccessModule</c>). Purges are idempotent, so a run repeated after a failure erases nothing twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RetentionJob(PrivacyService privacy, ILogger<RetentionJob> logger) : INqbaJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var purged = await privacy.ApplyRetentionAsync(cancellationToken);
        var records = purged.Values.Sum();
        LogPurged(records, purged.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge done: {Records} records in {Categories} categories")]
    private partial void LogPurged(int records, int categories);
}
