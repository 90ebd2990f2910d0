using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Nqba.Browser.Tests;

/// <summary>Another web site (its own origin on a free local port) that serves one HTML page.</summary>
internal sealed class ShopSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _page;

    private ShopSite(string html, int port)
    {
        _page = Encoding.UTF8.GetBytes(html);
        Address = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Address.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Address { get; }

    public static ShopSite Start(string html)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new ShopSite(html, port);
    }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.OutputStream.WriteAsync(_page);
            context.Response.Close();
        }
    }
}
