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
}
