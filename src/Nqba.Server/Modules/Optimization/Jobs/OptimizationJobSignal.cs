namespace Nqba.Server.Modules.Optimization.Jobs;

/// <summary>Wakes the job runner when a job is queued on this instance (it also polls).</summary>
internal sealed class OptimizationJobSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);

    public void Notify() => _signal.Release();

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();
}
