using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Privacy;
using Nqba.Server.Modules.Intake.Response;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Optimization.Jobs;
using Nqba.Server.Modules.Scheduling.Reminders;
using Nqba.Server.Modules.Support.Channels;
using Nqba.Server.Modules.Support.Chat;
using Nqba.Server.Modules.Support.Sla;
using Nqba.Server.Modules.Support.Surveys;
using Nqba.Server.Platform.Backup;
using Nqba.Server.Platform.Events;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>A job that always fails, declared only in these tests, with a trigger that never comes due during them.</summary>
internal sealed class AlwaysFailingJob : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("the mailbox is on fire");
}

/// <summary>When <see cref="TriggeredJob"/> first ran.</summary>
internal sealed class TriggeredRuns
{
    public TaskCompletionSource Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A job declared only in these tests whose trigger never comes due during them: it runs only when fired.</summary>
[Quartz.DisallowConcurrentExecution]
internal sealed class TriggeredJob(TriggeredRuns runs, JobTrigger<TriggeredJob> trigger) : INqbaJob
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.Taken();
        runs.Ran.TrySetResult();
        return Task.CompletedTask;
    }
}

/// <summary>The server with two more jobs, declared the way a module declares one: one always fails, one is only fired.</summary>
public sealed class JobsFactory : NqbaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddJob<AlwaysFailingJob, DatabaseOptions>(_ => new JobPlan(
                JobSchedule.Every(TimeSpan.FromDays(365)), JobMisfire.Skip, JobRetry.AtNextFire));
            services.AddSingleton<TriggeredRuns>();
            services.AddJob<TriggeredJob, DatabaseOptions>(_ => new JobPlan(
                JobSchedule.Every(TimeSpan.FromDays(365)), JobMisfire.Skip, JobRetry.AtNextFire));
        });
    }
}

/// <summary>Jobs on Quartz.NET: the store's tables, the declared triggers, on-demand runs, the jobs page, API and metrics.</summary>
public sealed class JobsTests(JobsFactory factory) : IClassFixture<JobsFactory>
{
    private static readonly string[] ConvertedJobs =
    [
        nameof(RetentionJob), nameof(BackupJob), nameof(NpsInvitationJob), nameof(LeadResponseJob), nameof(SlaWatchJob),
        nameof(ChatPickupJob), nameof(MailPollJob), nameof(OutboxDispatchJob), nameof(ReminderJob), nameof(MonitorCheckJob),
        nameof(ChatSlaJob), nameof(OptimizationQueueJob),
    ];

    private DatabaseProvider Provider => Enum.Parse<DatabaseProvider>(factory.Provider);

    [Fact]
    public async Task Migrate_CreatesTheJobStoreTables_AndRunningItAgainChangesNothing()
    {
        var missingAfterStart = await JobStoreSchema.MissingTablesAsync(Provider, factory.ConnectionString, CancellationToken.None);

        await JobStoreSchema.EnsureAsync(Provider, factory.ConnectionString, CancellationToken.None);

        Assert.Empty(missingAfterStart);
        Assert.Empty(await JobStoreSchema.MissingTablesAsync(Provider, factory.ConnectionString, CancellationToken.None));
    }

    [Fact]
    public async Task Start_SchedulesEveryDeclaredJob_AndLeavesJobsTurnedOffInTheSettingsWithoutATrigger()
    {
        var jobs = await factory.Services.GetRequiredService<NqbaJobs>().ListAsync(CancellationToken.None);

        Assert.Subset(jobs.Select(j => j.Name).ToHashSet(), ConvertedJobs.ToHashSet());
        Assert.All(jobs.Where(j => j.Enabled), j => Assert.NotNull(j.NextFireTime));
        // Solves take minutes and each instance runs its share, so only the optimization queue's runs may overlap.
        Assert.All(jobs, j => Assert.True(j.DisallowConcurrent || j.Name is nameof(AlwaysFailingJob) or nameof(OptimizationQueueJob), j.Name));
        var backup = jobs.Single(j => j.Name == nameof(BackupJob)); // Backup:Enabled=false in the test host
        Assert.False(backup.Enabled);
        Assert.Null(backup.NextFireTime);
        var leadResponse = jobs.Single(j => j.Name == nameof(LeadResponseJob));
        Assert.Equal(TimeSpan.FromSeconds(30), leadResponse.Interval);
        Assert.Equal("FireOnceNow", leadResponse.Misfire);
        var outbox = jobs.Single(j => j.Name == nameof(OutboxDispatchJob)); // Events:PollInterval=00:00:00.100 in the test host
        Assert.Equal(TimeSpan.FromMilliseconds(100), outbox.Interval);
        Assert.True(outbox.StartNow);
    }

    [Fact]
    public async Task ListJobs_ShowsTheQueuesAndPollers_OnThePageAndInTheApi()
    {
        var admin = await factory.CreateAdminClientAsync();

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));

        var names = listed.EnumerateArray().Select(j => j.GetProperty("name").GetString()).ToList();
        Assert.All(ConvertedJobs, job => Assert.Contains(job, names));
        Assert.All(ConvertedJobs, job => Assert.Contains($"data-job=\"{job}\"", page, StringComparison.Ordinal));
        Assert.Contains("Event delivery", page, StringComparison.Ordinal);
        Assert.Contains("Optimization queue", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_FiresTheJobNow_WithoutWaitingForItsSchedule()
    {
        var runs = factory.Services.GetRequiredService<TriggeredRuns>();

        factory.Services.GetRequiredService<JobTrigger<TriggeredJob>>().Notify();

        await runs.Ran.Task.WaitAsync(TimeSpan.FromSeconds(30)); // its own trigger is a year away
        var triggered = (await factory.Services.GetRequiredService<NqbaJobs>().ListAsync(CancellationToken.None)).Single(j => j.Name == nameof(TriggeredJob));
        Assert.True(triggered.NextFireTime > DateTimeOffset.UtcNow.AddDays(300));
    }

    [Fact]
    public async Task RestartingTheSchedule_KeepsAnUnchangedTriggersNextFireTime()
    {
        var jobs = factory.Services.GetRequiredService<NqbaJobs>();
        var before = (await jobs.ListAsync(CancellationToken.None)).Single(j => j.Name == nameof(AlwaysFailingJob)).NextFireTime;

        await jobs.SynchronizeAsync(CancellationToken.None);

        Assert.Equal(before, (await jobs.ListAsync(CancellationToken.None)).Single(j => j.Name == nameof(AlwaysFailingJob)).NextFireTime);
    }

    [Fact]
    public async Task AFailingRun_IsRecordedForStaff_AndCountedInMetrics()
    {
        var jobs = factory.Services.GetRequiredService<NqbaJobs>();
        var admin = await factory.CreateAdminClientAsync();

        var outcome = await jobs.RunNowAsync<AlwaysFailingJob>(CancellationToken.None);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/jobs"));
        var metrics = await factory.CreateClient().GetStringAsync("/metrics");

        Assert.False(outcome.Succeeded);
        var failing = listed.EnumerateArray().Single(j => j.GetProperty("name").GetString() == nameof(AlwaysFailingJob));
        Assert.Equal("failed", failing.GetProperty("lastOutcome").GetString());
        Assert.Contains("the mailbox is on fire", failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Null, failing.GetProperty("nextFireTime").ValueKind);
        Assert.Contains("Background jobs", page, StringComparison.Ordinal);
        Assert.Contains("Retention purge", page, StringComparison.Ordinal);
        Assert.Contains("the mailbox is on fire", page, StringComparison.Ordinal);
        var jobLines = metrics.Split('\n').Where(l => l.StartsWith("nqba_jobs_", StringComparison.Ordinal) && l.Contains("job=\"AlwaysFailingJob\"", StringComparison.Ordinal)).ToList();
        Assert.True(jobLines.Exists(l => l.StartsWith("nqba_jobs_failures_total{", StringComparison.Ordinal)), string.Join("\n", metrics.Split('\n').Where(l => l.Contains("nqba_jobs", StringComparison.Ordinal))));
        Assert.Contains(jobLines, l => l.StartsWith("nqba_jobs_runs_total{", StringComparison.Ordinal) && l.Contains("outcome=\"failed\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListJobs_WithoutAdmin_IsAProblemResponse()
    {
        var anonymous = await factory.CreateClient().GetAsync("/api/admin/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }
}
