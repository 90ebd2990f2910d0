namespace Nqba.Server.Modules.Optimization.Jobs;

public enum OptimizationJobStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
