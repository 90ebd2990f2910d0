namespace Nqba.Server.Modules.Monitoring.Catalog;

public enum MonitorKind
{
    /// <summary>HTTP(S) request: status code, keyword or JSON property condition, latency threshold.</summary>
    Http,

    /// <summary>TCP connect to host:port.</summary>
    Tcp,

    /// <summary>TLS handshake to host:port; the certificate's days left decide the state.</summary>
    Tls,

    /// <summary>The service pushes to its heartbeat URL; silence longer than the interval is down.</summary>
    Heartbeat,
}
