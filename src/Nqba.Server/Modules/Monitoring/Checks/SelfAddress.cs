using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>Resolves a relative monitor target ("/healthz") against this server's own address.</summary>
internal sealed class SelfAddress(IServer server, IOptions<MonitoringOptions> options)
{
    public Uri? Resolve(string target)
    {
        if (!target.StartsWith('/'))
        {
            return Uri.TryCreate(target, UriKind.Absolute, out var absolute) ? absolute : null;
        }

        var baseUrl = options.Value.SelfBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            // The plain-HTTP address when there is one: the health endpoints answer there without a redirect, and
            // a check over HTTPS would fail against the self-signed certificate a default install makes.
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                ?? addresses.FirstOrDefault();
            if (address is null)
            {
                return null;
            }

            // A wildcard listen address is reached on loopback.
            baseUrl = address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
        }

        return Uri.TryCreate(new Uri(baseUrl.TrimEnd('/') + "/"), target.TrimStart('/'), out var resolved) ? resolved : null;
    }
}
