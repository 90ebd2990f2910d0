namespace Nqba.Server.Platform.Web;

/// <summary>
/// The <c>ReverseProxy</c> configuration section: the reverse proxies (load balancers, TLS terminators) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are believed. Empty (the default): none, and the
/// headers are ignored, since anyone could send them. Behind a proxy, list it: otherwise every visitor has the
/// proxy's address, so the per-IP rate limits throttle everyone together and the audit log shows only the proxy.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string SectionName = "ReverseProxy";

    /// <summary>Addresses of the trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}
