using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// HTTPS by default: Kestrel's HTTPS endpoints use the configured certificate, or a self-signed localhost
/// certificate made on first start; TLS 1.2 and 1.3 only. Plain HTTP redirects to HTTPS, with HSTS.
/// </summary>
internal static class HttpsSetup
{
    public static IServiceCollection AddNqbaHttps(this IServiceCollection services)
    {
        services.AddOptions<HttpsOptions>().BindConfiguration(HttpsOptions.SectionName);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpsOptions>, IHostEnvironment, TimeProvider>((kestrel, https, environment, time) =>
            kestrel.ConfigureHttpsDefaults(h =>
            {
                h.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                h.ServerCertificate = LoadOrCreate(https.Value, environment.ContentRootPath, time);
            }));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    internal static X509Certificate2 LoadOrCreate(HttpsOptions options, string contentRoot, TimeProvider time)
    {
        if (options.CertificatePath is { Length: > 0 } configured)
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, configured));
            try
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword);
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new StartupException($"Https:CertificatePath '{path}' cannot be loaded: {ex.Message}", ex);
            }
        }

        var generated = Path.GetFullPath(Path.Combine(contentRoot, options.GeneratedCertificatePath));
        if (File.Exists(generated))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(generated, null);
            if (existing.NotAfter.ToUniversalTime() > time.GetUtcNow().UtcDateTime.AddDays(7))
            {
                return existing;
            }
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        OwnerOnlyFiles.WriteAllBytes(generated, certificate.Export(X509ContentType.Pfx));

        return X509CertificateLoader.LoadPkcs12FromFile(generated, null);
    }
}
