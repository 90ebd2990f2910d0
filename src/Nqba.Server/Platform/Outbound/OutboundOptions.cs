namespace Nqba.Server.Platform.Outbound;

/// <summary>
/// Which addresses the server may fetch from on its own (calendar feeds, monitors, webhooks, runbook hooks, video
/// vendors). Public addresses always; loopback, link-local, private ranges, 0.0.0.0 and cloud metadata addresses
/// only when allowed here, so a staff member cannot point the server at its own internals (SSRF).
/// </summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>
    /// Allows loopback, link-local and private ranges (RFC 1918, CGNAT 100.64/10, ULA fc00::/7, fe80::/10) for
    /// every fetch. Cloud metadata addresses stay refused unless listed in <see cref="AllowedHosts"/>.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// Host names ("status.internal", "*.corp.example"), addresses ("10.1.2.3") or networks ("10.20.0.0/16")
    /// allowed even though they resolve to a refused address.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];
}
