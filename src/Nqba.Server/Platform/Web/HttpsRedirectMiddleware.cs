using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Platform.Web;

/// <summary>
/// Plain HTTP to HTTPS. Unlike <c>UseHttpsRedirection</c>, the Location is not built from whatever Host header
/// arrived (with <c>AllowedHosts: "*"</c> a forged one would redirect to another site): a host the server knows
/// (<see cref="HttpsOptions.PublicHost"/>, <c>AllowedHosts</c>, its own listen addresses) is kept, any other is
/// replaced by the public host.
/// </summary>
internal sealed class HttpsRedirectMiddleware(RequestDelegate next, IServer server, IOptions<HttpsOptions> options, IConfiguration configuration)
{
    // Known host names, the authority for any other, the HTTPS port.
    private (HashSet<string> Known, string PublicHost, int? Port)? _hosts;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.IsHttps)
        {
            return next(context);
        }

        var (known, publicHost, port) = _hosts ??= Hosts();
        if (port is null && string.IsNullOrEmpty(options.Value.PublicHost))
        {
            return next(context); // no HTTPS address to send anyone to
        }

        var requested = context.Request.Host.Host;
        var authority = known.Contains(requested)
            ? port is null or 443 ? requested : $"{requested}:{port}"
            : publicHost;
        var request = context.Request;
        context.Response.Redirect($"https://{authority}{request.PathBase}{request.Path}{request.QueryString}", permanent: false, preserveMethod: true);
        return Task.CompletedTask;
    }

    private (HashSet<string> Known, string PublicHost, int? Port) Hosts()
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var https = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(a => Uri.TryCreate(a.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Scheme == Uri.UriSchemeHttps)
            .ToList();
        foreach (var address in https.Where(a => a.Host is not ("0.0.0.0" or "[::]")))
        {
            known.Add(address.Host);
        }

        foreach (var allowed in (configuration["AllowedHosts"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (allowed != "*" && !allowed.StartsWith("*.", StringComparison.Ordinal))
            {
                known.Add(allowed);
            }
        }

        var port = https.FirstOrDefault()?.Port;
        if (options.Value.PublicHost is { Length: > 0 } publicHost)
        {
            known.Add(publicHost.Split(':')[0]);
            return (known, publicHost, port);
        }

        var own = https.Select(a => a.Host).FirstOrDefault(h => h is not ("0.0.0.0" or "[::]")) ?? "localhost";
        return (known, port is null or 443 ? own : $"{own}:{port}", port);
    }
}
