using System.Net.Sockets;
using Nqba.Server.Modules.Monitoring.Catalog;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>TCP: a connection accepted within the timeout is up.</summary>
internal sealed class TcpChecker(TimeProvider time) : IMonitorChecker
{
    public MonitorKind Kind => MonitorKind.Tcp;

    public async Task<CheckOutcome?> CheckAsync(ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken)
    {
        if (!HostPort.TryParse(monitor.EffectiveTarget, 0, out var host, out var port))
        {
            return new CheckOutcome(ServiceState.Unknown, null, $"'{monitor.EffectiveTarget}' is not host:port.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(monitor.TimeoutSeconds));
        var started = time.GetTimestamp();
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            var latency = time.GetElapsedTime(started).TotalMilliseconds;
            return monitor.DegradedLatencyMs is { } threshold && latency > threshold
                ? new CheckOutcome(ServiceState.Degraded, latency, $"Connected in {latency:F0} ms, slower than {threshold} ms.")
                : new CheckOutcome(ServiceState.Up, latency, $"Connected in {latency:F0} ms.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckOutcome.Down($"No connection to {host}:{port} within {monitor.TimeoutSeconds} s.");
        }
        catch (SocketException ex)
        {
            return CheckOutcome.Down($"{host}:{port}: {ex.Message}");
        }
    }
}
