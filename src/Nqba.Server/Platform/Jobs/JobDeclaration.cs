namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// One declared job as the host knows it: its name (the Quartz job and trigger key), the class that does the work, whether
/// two runs may overlap (<see cref="Quartz.DisallowConcurrentExecutionAttribute"/> on the class) and its plan, read from
/// the declaring module's options when the host starts.
/// </summary>
internal sealed record JobDeclaration(string Name, Type JobType, bool DisallowConcurrent, JobPlan Plan)
{
    /// <summary>The Quartz group every NQBA job lives in; jobs in it that nobody declares any more are removed at start.</summary>
    public const string Group = "nqba";
}
