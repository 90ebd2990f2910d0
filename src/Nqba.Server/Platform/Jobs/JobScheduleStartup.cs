using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Persistence;

namespace Nqba.Server.Platform.Jobs;

/// <summary>
/// Puts the declared jobs' triggers in place once the database is migrated (<c>DatabaseStartupService</c> does that in
/// the host's Starting phase, before any StartAsync) and before Quartz's hosted service starts firing them.
/// </summary>
internal sealed class JobScheduleStartup(NqbaJobs jobs, JobStoreDialect dialect, IOptions<DatabaseOptions> database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The store's dialect was fixed from the configuration while services were registered; a provider set later
        // (after the host was built) would have the job store speak the wrong SQL.
        if (dialect.Provider != database.Value.Provider)
        {
            throw new StartupException(
                $"Database:Provider is {database.Value.Provider}, but the job store was set up for {dialect.Provider}: set Database:Provider in the configuration the host starts with (appsettings, environment, command line).");
        }

        return jobs.SynchronizeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The database provider the job store was set up for.</summary>
internal sealed record JobStoreDialect(DatabaseProvider Provider);
