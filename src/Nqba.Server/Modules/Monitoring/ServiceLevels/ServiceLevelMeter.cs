using System.Diagnostics.Metrics;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Modules.Monitoring.ServiceLevels;

/// <summary>
/// Measures the platform's own service levels continuously from the metrics it already emits: API request
/// duration (ASP.NET Core's <c>http.server.request.duration</c> for <c>/api</c> routes), database command
/// duration (<c>nqba.db.command.duration</c>) and optimization time (requests to <c>/api/optimize</c>).
/// Samples are this instance's latest; each instance reports its own.
/// </summary>
internal sealed class ServiceLevelMeter : IDisposable
{
    public const double ApiTargetMs = 25;
    public const double DatabaseTargetMs = 10;
    public const double OptimizerTargetMs = 100;

    private readonly MeterListener _listener = new();

    public ServiceLevelMeter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
                || (instrument.Meter.Name == NqbaTelemetry.Name && instrument.Name == "nqba.db.command.duration"))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public LatencySamples Api { get; } = new(10_000);

    public LatencySamples Database { get; } = new(10_000);

    public LatencySamples Optimizer { get; } = new(2_000);

    public IReadOnlyList<ServiceLevelDto> Summary() =>
    [
        Api.Summarise("api", ApiTargetMs),
        Database.Summarise("database", DatabaseTargetMs),
        Optimizer.Summarise("optimizer", OptimizerTargetMs),
    ];

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double seconds, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var milliseconds = seconds * 1000;
        if (instrument.Meter.Name == NqbaTelemetry.Name)
        {
            Database.Add(milliseconds);
            return;
        }

        string? route = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "http.route")
            {
                route = tag.Value as string;
            }
        }

        if (route is null || !route.StartsWith("/api/", StringComparison.Ordinal))
        {
            return;
        }

        if (route.StartsWith("/api/optimize", StringComparison.Ordinal) && !route.Contains("/jobs", StringComparison.Ordinal))
        {
            Optimizer.Add(milliseconds);
        }
        else
        {
            Api.Add(milliseconds);
        }
    }
}
