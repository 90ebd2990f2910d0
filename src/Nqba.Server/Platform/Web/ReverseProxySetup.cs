using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Believes <c>X-Forwarded-For</c>/<c>-Proto</c> from the proxies <see cref="ReverseProxyOptions"/> lists, and from no
/// one else (ASP.NET Core's default trusts loopback; that default is replaced). One hop: the address the nearest
/// trusted proxy saw is the client's.
/// </summary>
internal static class ReverseProxySetup
{
    public static IServiceCollection AddNqbaReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.SectionName)
            .Validate(o => o.KnownProxies.TrueForAll(p => IPAddress.TryParse(p, out _)), "ReverseProxy:KnownProxies must be IP addresses, e.g. 10.0.0.5.")
            .Validate(o => o.KnownNetworks.TrueForAll(n => System.Net.IPNetwork.TryParse(n, out _)), "ReverseProxy:KnownNetworks must be networks in CIDR notation, e.g. 10.0.0.0/24.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = 1;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in proxy.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so HTTPS redirection, rate limits and the audit see the client, not the proxy.</summary>
    public static WebApplication UseNqbaReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ReverseProxyOptions>>().Value.Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
