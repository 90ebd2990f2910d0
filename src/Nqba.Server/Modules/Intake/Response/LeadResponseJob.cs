using Nqba.Server.Platform.Jobs;
using Quartz;

namespace Nqba.Server.Modules.Intake.Response;

/// <summary>Runs <see cref="LeadResponseWatch"/> every <see cref="IntakeOptions.ResponseCheckInterval"/> (declared in <c>AddIntakeModule</c>).</summary>
[DisallowConcurrentExecution]
internal sealed class LeadResponseJob(LeadResponseWatch watch, TimeProvider time) : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken) => watch.CheckAsync(time.GetUtcNow().UtcDateTime, cancellationToken);
}
