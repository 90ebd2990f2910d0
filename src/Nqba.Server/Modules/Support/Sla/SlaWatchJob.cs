using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Support.Sla;

/// <summary>Runs <see cref="SlaWatch"/> every <see cref="SupportOptions.SlaCheckInterval"/> (declared in <c>AddSupportModule</c>; each alert is claimed once).</summary>
[DisallowConcurrentExecution]
internal sealed class SlaWatchJob(SlaWatch watch, TimeProvider time) : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken) => watch.CheckAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
}
