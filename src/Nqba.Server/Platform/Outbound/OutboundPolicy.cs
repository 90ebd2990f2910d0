using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Nqba.Server.Platform.Outbound;

/// <summary>
/// The one policy for every request the server makes on its own. It is enforced where the connection is made
/// (<see cref="SocketsHttpHandler.ConnectCallback"/>): the host is resolved there and the address actually
/// connected to is checked, so a name that resolves to a private address, a DNS answer that changes between
/// check and use (rebinding), and a redirect to another host (a new connection) are all covered.
/// </summary>
public sealed class OutboundPolicy(IOptionsMonitor<OutboundOptions> options)
{
    private static readonly IPNetwork[] Private =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    // Cloud instance metadata (AWS, GCP, Azure, Alibaba, Oracle, AWS IPv6): credentials live there.
    private static readonly IPAddress[] Metadata =
    [
        IPAddress.Parse("169.254.169.254"),
        IPAddress.Parse("169.254.170.2"),
        IPAddress.Parse("100.100.100.200"),
        IPAddress.Parse("192.0.0.192"),
        IPAddress.Parse("fd00:ec2::254"),
    ];

    /// <summary>Whether the server may connect to <paramref name="address"/>, reached as <paramref name="host"/>.</summary>
    public bool IsAllowed(string host, IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var settings = options.CurrentValue;
        if (IsListed(settings.AllowedHosts, host, address))
        {
            return true;
        }

        if (Metadata.Contains(address))
        {
            return false;
        }

        return settings.AllowPrivateNetworks || !Private.Any(n => n.Contains(address));
    }

    /// <summary>A handler for a named HttpClient: connections only to allowed addresses.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        // A redirect is followed by the handler; its new host is checked when its connection is made.
        MaxAutomaticRedirections = 5,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        IPAddress[] addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = addresses.Where(a => IsAllowed(host, a)).ToArray();
        if (allowed.Length == 0)
        {
            throw OutboundRefusedException.For(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Connects to the checked addresses only, never re-resolving the name.
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsListed(IList<string> allowed, string host, IPAddress address)
    {
        foreach (var entry in allowed)
        {
            var item = entry.Trim();
            if (item.Length == 0)
            {
                continue;
            }

            if (item.Contains('/', StringComparison.Ordinal) && IPNetwork.TryParse(item, out var network))
            {
                if (network.Contains(address))
                {
                    return true;
                }
            }
            else if (IPAddress.TryParse(item.Trim('[', ']'), out var listed))
            {
                if (listed.Equals(address))
                {
                    return true;
                }
            }
            else if (item.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(item[1..], StringComparison.OrdinalIgnoreCase)
                : string.Equals(item, host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
