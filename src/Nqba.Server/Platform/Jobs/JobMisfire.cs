namespace Nqba.Server.Platform.Jobs;

/// <summary>What a job does about fire times missed while no instance was running (or all were busy).</summary>
internal enum JobMisfire
{
    /// <summary>Run once as soon as a scheduler notices, however many fire times were missed, then keep the schedule.</summary>
    FireOnceNow,

    /// <summary>Let missed fire times go and wait for the next one.</summary>
    Skip,
}
