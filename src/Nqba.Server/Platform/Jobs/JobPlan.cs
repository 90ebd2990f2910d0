namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// How a job is run, stated where the job is declared: its schedule, what it does about missed fire times, what
/// follows a failure, and whether it runs at all (a module's option may turn it off).
/// </summary>
internal sealed record JobPlan(JobSchedule Schedule, JobMisfire Misfire, JobRetry Retry, bool Enabled = true);
