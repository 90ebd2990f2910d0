using Quartz;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// The declared jobs in the Quartz store: puts each one's trigger in place at start, runs one on demand through the same
/// policy as a firing, and lists them with their triggers and last outcomes for staff.
/// </summary>
internal sealed partial class NqbaJobs(ISchedulerFactory schedulers, JobCatalog catalog, JobExecutor executor, TimeProvider time, ILogger<NqbaJobs> logger)
{
    private volatile bool _synchronized;

    /// <summary>True once <see cref="SynchronizeAsync"/> has put the declared jobs in the store (and built the scheduler).</summary>
    public bool Synchronized => _synchronized;

    /// <summary>
    /// Stores every declared job and its trigger. A stored trigger whose schedule is unchanged is kept, so a restart
    /// neither resets its next fire time nor fires it again; a changed one is replaced; a job turned off in the settings,
    /// or no longer declared, is removed with its trigger. Several instances starting at once end with one trigger each.
    /// </summary>
    public async Task SynchronizeAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var job in catalog.All)
        {
            var jobKey = new JobKey(job.Name, JobDeclaration.Group);
            if (!job.Plan.Enabled)
            {
                if (await scheduler.DeleteJob(jobKey, cancellationToken))
                {
                    LogRemoved(job.Name);
                }

                continue;
            }

            declared.Add(job.Name);
            var detail = JobBuilder.Create<QuartzJob>()
                .WithIdentity(jobKey)
                .WithDescription(job.JobType.FullName)
                .StoreDurably()
                .DisallowConcurrentExecution(job.DisallowConcurrent)
                .PersistJobDataAfterExecution()
                .Build();
            if (await scheduler.GetJobDetail(jobKey, cancellationToken) is { } stored)
            {
                JobOutcome.CopyBetween(stored.JobDataMap, detail.JobDataMap);
            }

            await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);

            var triggerKey = new TriggerKey(job.Name, JobDeclaration.Group);
            var description = Describe(job.Plan);
            if ((await scheduler.GetTrigger(triggerKey, cancellationToken))?.Description == description)
            {
                continue;
            }

            await scheduler.ScheduleTrigger(BuildTrigger(job, jobKey, triggerKey, description, time.GetUtcNow()), TriggerConflict.Replace, cancellationToken);
            LogScheduled(job.Name, description);
        }

        foreach (var stale in (await scheduler.QueryJobs(new JobQuery { Group = GroupMatcher<JobKey>.GroupEquals(JobDeclaration.Group) }, cancellationToken)).Items.Where(j => !declared.Contains(j.Key.Name)))
        {
            await scheduler.DeleteJob(stale.Key, cancellationToken);
            LogRemoved(stale.Key.Name);
        }

        _synchronized = true;
    }

    /// <summary>Runs <typeparamref name="TJob"/> once now and records its outcome as a firing would.</summary>
    public Task<JobOutcome> RunNowAsync<TJob>(CancellationToken cancellationToken) where TJob : INqbaJob =>
        RunNowAsync(catalog.Get<TJob>(), cancellationToken);

    /// <summary>Runs <paramref name="job"/> once now and records its outcome as a firing would.</summary>
    public async Task<JobOutcome> RunNowAsync(JobDeclaration job, CancellationToken cancellationToken)
    {
        var outcome = await executor.RunAsync(job, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var jobKey = new JobKey(job.Name, JobDeclaration.Group);
        if (await scheduler.GetJobDetail(jobKey, cancellationToken) is { } stored)
        {
            outcome.WriteTo(stored.JobDataMap);
            await scheduler.AddJob(stored, AddJobOptions.Replacing, cancellationToken);
        }

        return outcome;
    }

    /// <summary>Every declared job, with its trigger and last outcome from the store.</summary>
    public async Task<IReadOnlyList<JobStatus>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var list = new List<JobStatus>();
        foreach (var job in catalog.All)
        {
            var trigger = job.Plan.Enabled ? await scheduler.GetTrigger(new TriggerKey(job.Name, JobDeclaration.Group), cancellationToken) : null;
            var state = trigger is null ? null : (await scheduler.GetTriggerState(trigger.Key, cancellationToken)).ToString();
            var detail = job.Plan.Enabled ? await scheduler.GetJobDetail(new JobKey(job.Name, JobDeclaration.Group), cancellationToken) : null;
            var outcome = detail is null ? null : JobOutcome.ReadFrom(detail.JobDataMap);
            list.Add(new JobStatus(
                job.Name,
                job.Plan.Schedule.ToString(),
                job.Plan.Schedule.Interval,
                job.Plan.Schedule.Cron,
                job.Plan.Schedule.StartNow,
                job.Plan.Misfire.ToString(),
                job.Plan.Retry.ToString(),
                job.Plan.Enabled,
                job.DisallowConcurrent,
                state,
                trigger?.NextFireTimeUtc,
                trigger?.PreviousFireTimeUtc,
                outcome?.StartedAt,
                outcome is null ? null : outcome.Succeeded ? "succeeded" : "failed",
                outcome?.Duration.TotalMilliseconds,
                outcome?.Error));
        }

        return list;
    }

    private static string Describe(JobPlan plan) => $"{plan.Schedule}; misfire {plan.Misfire}";

    private static ITrigger BuildTrigger(JobDeclaration job, JobKey jobKey, TriggerKey triggerKey, string description, DateTimeOffset now)
    {
        var builder = TriggerBuilder.Create().WithIdentity(triggerKey).ForJob(jobKey).WithDescription(description);
        var schedule = job.Plan.Schedule;
        if (schedule.Interval is { } interval)
        {
            var simple = SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever();
            simple = simple.WithMisfireInstruction(job.Plan.Misfire == JobMisfire.FireOnceNow
                ? SimpleTriggerMisfireInstruction.NowWithExistingCount
                : SimpleTriggerMisfireInstruction.NextWithRemainingCount);
            return builder.StartAt(schedule.StartNow ? now : now + interval).WithSchedule(simple).Build();
        }

        var cron = CronScheduleBuilder.Create(schedule.Cron!).InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(
            job.Plan.Misfire == JobMisfire.FireOnceNow ? CronTriggerMisfireInstruction.FireAndProceed : CronTriggerMisfireInstruction.DoNothing);
        return builder.StartAt(now).WithSchedule(cron).Build();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {Job} scheduled: {Schedule}")]
    private partial void LogScheduled(string job, string schedule);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job} removed from the job store (turned off or no longer declared)")]
    private partial void LogRemoved(string job);
}
