using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Nqba.Server.Platform.Jobs;
using Nqba.Server.Platform.Persistence;
using Nqba.Testing;
using Quartz;

namespace Nqba.Server.Tests.Platform;

/// <summary>Every firing of a counting job, with the scheduler instance that ran it.</summary>
internal sealed class ClusterFirings
{
    public ConcurrentBag<(string Instance, DateTimeOffset ScheduledAt)> Runs { get; } = [];
}

/// <summary>Records which instance ran which fire time; takes a moment, as real work does.</summary>
internal sealed class CountingJob(ClusterFirings firings) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        firings.Runs.Add((context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc ?? context.FireTimeUtc));
        await Task.Delay(200, cancellationToken);
    }
}

/// <summary>
/// Two instances' schedulers on one PostgreSQL database, set up as the server sets up its own (the same job store,
/// clustered): each fire time of a trigger runs on exactly one of them.
/// </summary>
public sealed class JobClusterTests : IAsyncLifetime
{
    private static readonly string[] Nodes = ["node-a", "node-b"];

    private readonly string _database = "nqba_cluster_" + Guid.NewGuid().ToString("N")[..12];
    private string _connectionString = string.Empty;

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            return; // PostgresFact skips the test
        }

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
            await create.ExecuteNonQueryAsync();
        }

        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _database }.ToString();
        await JobStoreSchema.EnsureAsync(DatabaseProvider.Postgres, _connectionString, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_connectionString.Length == 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("NQBA_TEST_POSTGRES"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private ServiceProvider Instance(string id, ClusterFirings firings)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(firings);
        services.AddTransient<CountingJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = JobsModule.SchedulerName;
                s.InstanceId = id;
            });
            q.UseDefaultThreadPool(4);
            JobsModule.UseJobStore(q, DatabaseProvider.Postgres, _ => _connectionString);
        });
        return services.BuildServiceProvider();
    }

    [PostgresFact]
    public async Task TwoClusteredInstances_RunEachFireTimeOnExactlyOneOfThem()
    {
        var firings = new ClusterFirings();
        await using var first = Instance("node-a", firings);
        await using var second = Instance("node-b", firings);
        var a = await first.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        var b = await second.GetRequiredService<ISchedulerFactory>().GetScheduler(CancellationToken.None);
        const int fires = 8;
        var job = JobBuilder.Create<CountingJob>().WithIdentity("counting", JobDeclaration.Group).Build();
        var trigger = TriggerBuilder.Create().WithIdentity("counting", JobDeclaration.Group).ForJob(job.Key)
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(2))
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMilliseconds(500)).WithRepeatCount(fires - 1))
            .Build();
        await a.ScheduleJob(job, trigger, new ScheduleJobOptions(), CancellationToken.None);

        await a.Start(CancellationToken.None);
        await b.Start(CancellationToken.None);
        // What is under test is Quartz's own clustering on the real clock (its triggers and database locks know no fake
        // clock): wait, bounded, for the fire times to pass.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (firings.Runs.Count < fires && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(TimeSpan.FromSeconds(2)); // time for a duplicate firing, were there one
        await a.Shutdown(true, CancellationToken.None);
        await b.Shutdown(true, CancellationToken.None);

        var runs = firings.Runs.ToList();
        Assert.Equal(fires, runs.Count);
        Assert.Equal(fires, runs.Select(r => r.ScheduledAt).Distinct().Count());
        Assert.All(runs, r => Assert.Contains(r.Instance, Nodes));
    }
}
