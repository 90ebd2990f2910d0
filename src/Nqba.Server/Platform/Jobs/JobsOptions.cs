namespace Nqba.Server.Platform.Jobs;

/// <summary>The <c>Jobs</c> settings section.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>
    /// Whether this instance's scheduler fires the triggers (default true). Off, the jobs and their triggers are still
    /// in the store and listed for staff, and <see cref="NqbaJobs.RunNowAsync{TJob}"/> still runs one, but nothing fires by itself: tests drive the
    /// timed work explicitly that way, and an instance that must only serve requests can be started so.
    /// </summary>
    public bool FireOnSchedule { get; set; } = true;
}
