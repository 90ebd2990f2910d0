using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Nqba.Server.Platform.Observability;

/// <summary>The product's own trace source and meter (alongside ASP.NET Core, HttpClient and database telemetry).</summary>
internal static class NqbaTelemetry
{
    public const string Name = "Nqba";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> EventsDispatched = Meter.CreateCounter<long>("nqba.events.dispatched", description: "Domain events handed to subscribers");

    public static readonly Counter<long> EventsParked = Meter.CreateCounter<long>("nqba.events.parked", description: "Event deliveries parked as dead letters after their last allowed attempt");

    public static readonly Counter<long> AuditEntries = Meter.CreateCounter<long>("nqba.audit.entries", description: "Audit ledger entries appended");

    public static readonly Histogram<double> DbCommandDuration = Meter.CreateHistogram<double>("nqba.db.command.duration", unit: "s", description: "Database command duration");

    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("nqba.jobs.runs", description: "Background job runs, by job and outcome");

    public static readonly Counter<long> JobFailures = Meter.CreateCounter<long>("nqba.jobs.failures", description: "Background job runs that failed, by job");
}
