using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nqba.Server.Tests.Monitoring;

/// <summary>A real HTTP service on 127.0.0.1 that a test can break, slow down, and that a restart hook heals.</summary>
public sealed class LocalHttpService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile bool _healthy = true;
    private volatile string _status = "ok";
    private volatile int _delayMs;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _hooks = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<bool> _plan = new();
    private int _restarts;

    private LocalHttpService(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Restarts => _restarts;

    /// <summary>Bodies posted to <c>/hook</c> (a webhook receiver).</summary>
    public IReadOnlyList<string> Hooks => [.. _hooks];

    public static async Task<LocalHttpService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var service = new LocalHttpService(app);
        app.MapGet("/health", async () =>
        {
            if (service._delayMs > 0)
            {
                await Task.Delay(service._delayMs); // a slow monitored service, when a test asks for one (latency and timeouts)
            }

            var healthy = service._plan.TryDequeue(out var planned) ? planned : service._healthy;
            return healthy
                ? Results.Json(new { status = service._status, checks = new[] { new { name = "db", ok = true } } })
                : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        app.MapPost("/restart", () =>
        {
            Interlocked.Increment(ref service._restarts);
            service._healthy = true;
            return Results.Ok();
        });
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            service._hooks.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        service.BaseAddress = new Uri(address);
        return service;
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public void Break() => _healthy = false;

    public void Heal() => _healthy = true;

    /// <summary>The next health checks answer in this order (true: healthy); after them, as <see cref="Break"/> or <see cref="Heal"/> left it.</summary>
    public void Plan(params bool[] healthy)
    {
        foreach (var answer in healthy)
        {
            _plan.Enqueue(answer);
        }
    }

    public void SlowDown(int milliseconds) => _delayMs = milliseconds;

    public void ReportStatus(string status) => _status = status;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
