using System.Diagnostics;
using System.Text.Json;
using Nqba.Server.Modules.Monitoring.Catalog;
using Nqba.Server.Platform.Outbound;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>HTTP(S): unreachable, timed out or a wrong status is down; a missing keyword, a JSON condition not met or a slow answer is degraded.</summary>
internal sealed class HttpChecker(IHttpClientFactory clients, SelfAddress self, TimeProvider time) : IMonitorChecker
{
    public const string ClientName = "monitoring";

    /// <summary>The client for relative targets only: the server's own address, outside the outbound policy.</summary>
    public const string SelfClientName = "monitoring-self";

    public MonitorKind Kind => MonitorKind.Http;

    public async Task<CheckOutcome?> CheckAsync(ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken)
    {
        var uri = self.Resolve(monitor.EffectiveTarget);
        if (uri is null)
        {
            return new CheckOutcome(ServiceState.Unknown, null, $"'{monitor.EffectiveTarget}' cannot be resolved to an address (no server address known yet).");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(monitor.TimeoutSeconds));
        var client = clients.CreateClient(monitor.EffectiveTarget.StartsWith('/') ? SelfClientName : ClientName);
        var started = time.GetTimestamp();
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseContentRead, timeout.Token);
            var latency = time.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            var statusOk = monitor.ExpectedStatus is { } expected ? status == expected : response.IsSuccessStatusCode;
            if (!statusOk)
            {
                return CheckOutcome.Down($"HTTP {status} from {uri}", latency);
            }

            if (monitor.Keyword is not null || monitor.JsonPath is not null)
            {
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                if (monitor.Keyword is { Length: > 0 } keyword && !body.Contains(keyword, StringComparison.Ordinal))
                {
                    return new CheckOutcome(ServiceState.Degraded, latency, $"HTTP {status}, but the body lacks '{keyword}'.");
                }

                if (monitor.JsonPath is { Length: > 0 } path && JsonCondition(body, path, monitor.JsonExpected) is { } failure)
                {
                    return new CheckOutcome(ServiceState.Degraded, latency, failure);
                }
            }

            if (monitor.DegradedLatencyMs is { } threshold && latency > threshold)
            {
                return new CheckOutcome(ServiceState.Degraded, latency, $"HTTP {status} in {latency:F0} ms, slower than {threshold} ms.");
            }

            return new CheckOutcome(ServiceState.Up, latency, $"HTTP {status} in {latency:F0} ms.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckOutcome.Down($"No answer from {uri} within {monitor.TimeoutSeconds} s.");
        }
        catch (HttpRequestException ex)
        {
            return CheckOutcome.Down($"{uri}: {OutboundHttp.Describe(ex)}");
        }
    }

    private static string? JsonCondition(string body, string path, string? expected)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (!JsonPropertyPath.TryRead(document.RootElement, path, out var value))
            {
                return $"The JSON body has no '{path}'.";
            }

            return expected is null || string.Equals(value, expected, StringComparison.Ordinal)
                ? null
                : $"'{path}' is '{value}', expected '{expected}'.";
        }
        catch (JsonException)
        {
            return "The body is not JSON.";
        }
    }
}
