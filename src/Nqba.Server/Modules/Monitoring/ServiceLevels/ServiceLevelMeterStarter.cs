namespace Nqba.Server.Modules.Monitoring.ServiceLevels;

/// <summary>Creates the meter at start-up, so it measures from the first request rather than from the first question.</summary>
internal sealed class ServiceLevelMeterStarter(ServiceLevelMeter meter) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(meter);
        return Task.CompletedTask;
    }
}
