namespace Nqba.Server.Platform.Web;

/// <summary>The <c>Https</c> configuration section.</summary>
public sealed class HttpsOptions
{
    public const string SectionName = "Https";

    /// <summary>
    /// The server certificate (PFX). Empty: a self-signed certificate for localhost is generated on first
    /// start under <see cref="GeneratedCertificatePath"/>, for local use; configure a real one in production.
    /// </summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public string GeneratedCertificatePath { get; set; } = Path.Combine("data", "keys", "https-localhost.pfx");

    /// <summary>Redirect plain HTTP to HTTPS and send HSTS when an HTTPS address is configured (the default).</summary>
    public bool RedirectHttp { get; set; } = true;

    /// <summary>
    /// The host (and port, when not 443) plain HTTP is redirected to when the request names a host the server does
    /// not know. Empty: the host of the HTTPS address it listens on. A request's own Host header is kept only when
    /// it is this host, one of <c>AllowedHosts</c> or a host the server listens on.
    /// </summary>
    public string? PublicHost { get; set; }
}
