using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Nqba.Server.Platform.Persistence;
using Quartz;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// Quartz.NET in the server: an ADO job store in the application's own database (the SQLite file, or PostgreSQL with
/// clustering, so a job fires on one instance per fire time), the declared jobs' triggers put in place at start, and
/// Quartz's hosted service to fire them once the host has started.
/// </summary>
internal static class JobsModule
{
    /// <summary>The scheduler's name: the SCHED_NAME of every row, the same on every instance of one deployment.</summary>
    public const string SchedulerName = "nqba";

    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // The store's SQL dialect is chosen while the services are registered; the connection string is read when the
        // store first connects, like the DbContexts', so the default path and late configuration are honoured.
        var provider = Enum.TryParse<DatabaseProvider>(builder.Configuration[$"{DatabaseOptions.SectionName}:Provider"], ignoreCase: true, out var configured)
            ? configured
            : DatabaseProvider.Sqlite;

        services.AddSingleton(new JobStoreDialect(provider));
        services.AddSingleton<JobCatalog>();
        services.AddSingleton<JobExecutor>();
        services.AddSingleton<NqbaJobs>();
        services.AddSingleton(typeof(JobTrigger<>));
        services.AddTransient<QuartzJob>();
        services.AddHostedService<JobScheduleStartup>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;

                // A stopping host asks running jobs to stop (their token is cancelled) and waits for them: a long solve
                // ends at once and its job row's claim lapses for another instance, as the pollers' loops did before.
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });

            // Room for long runs (optimization solves, a mailbox poll) beside the every-second pollers.
            q.UseDefaultThreadPool(8);
            UseJobStore(q, provider, ConnectionString);
        });
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.SectionName);
        services.AddHostedService<JobSchedulerHost>();
        return builder;

        static string ConnectionString(IServiceProvider sp) =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolveConnectionString(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
    }

    /// <summary>
    /// The job store every NQBA scheduler uses: Quartz's ADO store over the application's database, job data kept as
    /// strings, and on PostgreSQL clustering (database row locks, one firing per fire time across instances).
    /// </summary>
    public static void UseJobStore(IQuartzBuilder quartz, DatabaseProvider provider, Func<IServiceProvider, string> connectionString) =>
        quartz.UsePersistentStore(store =>
        {
            store.ConfigureStore(o => o.StoreJobDataAsStrings = true);
            if (provider == DatabaseProvider.Postgres)
            {
                store.UsePostgres(ds => ds.DataSourceFactory = sp => NpgsqlDataSource.Create(connectionString(sp)));
                store.UseClustering();
            }
            else
            {
                store.UseSqlite(ds => ds.DataSourceFactory = sp => SqliteFactory.Instance.CreateDataSource(connectionString(sp)));
            }
        });
}
