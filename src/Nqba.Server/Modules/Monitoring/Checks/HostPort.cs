using System.Globalization;

namespace Nqba.Server.Modules.Monitoring.Checks;

/// <summary>Parses <c>host:port</c> (or a URL, whose host and port are used).</summary>
internal static class HostPort
{
    public static bool TryParse(string target, int defaultPort, out string host, out int port)
    {
        host = string.Empty;
        port = defaultPort;
        if (target.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(target, UriKind.Absolute, out var uri))
        {
            host = uri.Host;
            port = uri.IsDefaultPort ? defaultPort : uri.Port;
            return host.Length > 0;
        }

        var colon = target.LastIndexOf(':');
        if (colon <= 0)
        {
            host = target;
            return host.Length > 0 && defaultPort > 0;
        }

        host = target[..colon].Trim('[', ']');
        return int.TryParse(target[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536 && host.Length > 0;
    }
}
