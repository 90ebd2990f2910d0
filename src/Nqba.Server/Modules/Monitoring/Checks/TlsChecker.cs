using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Nqba.Server.Modules.Monitoring.Catalog;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>TLS: the handshake must succeed; the certificate's days left against the monitor's thresholds decide up, degraded or down.</summary>
internal sealed class TlsChecker(TimeProvider time) : IMonitorChecker
{
    public MonitorKind Kind => MonitorKind.Tls;

    public async Task<CheckOutcome?> CheckAsync(ServiceMonitor monitor, DateTime now, CancellationToken cancellationToken)
    {
        if (!HostPort.TryParse(monitor.EffectiveTarget, 443, out var host, out var port))
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
            SslPolicyErrors errors = SslPolicyErrors.None;
            await using var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
            await ssl.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = host,
                    RemoteCertificateValidationCallback = (_, _, _, e) =>
                    {
                        errors = e;
                        return e == SslPolicyErrors.None || monitor.AcceptUntrustedCertificate;
                    },
                },
                timeout.Token);
            var latency = time.GetElapsedTime(started).TotalMilliseconds;
            if (ssl.RemoteCertificate is null)
            {
                return CheckOutcome.Down($"{host}:{port} presented no certificate.", latency);
            }

            using var certificate = new X509Certificate2(ssl.RemoteCertificate);
            var daysLeft = (certificate.NotAfter.ToUniversalTime() - now).TotalDays;
            var note = errors == SslPolicyErrors.None ? string.Empty : $" (accepted despite {errors})";
            var message = $"Certificate '{certificate.GetNameInfo(X509NameType.SimpleName, false)}' expires {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm}Z, {Math.Floor(daysLeft):F0} days left{note}.";
            if (daysLeft <= monitor.TlsDownDays)
            {
                return new CheckOutcome(ServiceState.Down, latency, message, daysLeft);
            }

            return new CheckOutcome(daysLeft <= monitor.TlsDegradedDays ? ServiceState.Degraded : ServiceState.Up, latency, message, daysLeft);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckOutcome.Down($"No TLS handshake with {host}:{port} within {monitor.TimeoutSeconds} s.");
        }
        catch (Exception ex) when (ex is SocketException or AuthenticationException or IOException)
        {
            return CheckOutcome.Down($"{host}:{port}: {ex.Message}");
        }
    }
}
