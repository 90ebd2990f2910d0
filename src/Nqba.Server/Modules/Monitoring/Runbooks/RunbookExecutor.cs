using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Monitoring.Checks;
using Nqba.Server.Modules.Monitoring.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Events;

namespace Nqba.Server.Modules.Monitoring.Runbooks;

/// <summary>
/// Runs a down component's runbooks within their limits (cooldown, attempts per hour); each run is stored,
/// published as <see cref="RunbookRan"/> and written to the audit ledger with its outcome.
/// </summary>
internal sealed partial class RunbookExecutor(
    IServiceScopeFactory scopes,
    IHttpClientFactory clients,
    IAuditLedger audit,
    IOptions<MonitoringOptions> options,
    ILogger<RunbookExecutor> logger)
{
    public async Task RunForDownComponentAsync(Guid componentId, Guid? incidentId, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
        var runbooks = await db.Runbooks.AsNoTracking().Where(r => r.ComponentId == componentId && r.Enabled).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        foreach (var runbook in runbooks)
        {
            var hourAgo = now.AddHours(-1);
            var recent = await db.RunbookRuns.AsNoTracking().Where(r => r.RunbookId == runbook.Id && r.At > hourAgo).Select(r => r.At).ToListAsync(cancellationToken);
            if (recent.Count > 0 && recent.Max() > now.AddSeconds(-runbook.CooldownSeconds))
            {
                LogSkipped(logger, runbook.Name, "cooldown");
                continue;
            }

            if (recent.Count >= runbook.MaxAttemptsPerHour)
            {
                LogSkipped(logger, runbook.Name, "maximum attempts per hour reached");
                continue;
            }

            var (succeeded, outcome) = await ExecuteAsync(db, runbook, now, cancellationToken);
            var run = new RunbookRun
            {
                Id = Guid.CreateVersion7(),
                RunbookId = runbook.Id,
                ComponentId = componentId,
                IncidentId = incidentId,
                At = now,
                Succeeded = succeeded,
                Outcome = outcome.Length > 1000 ? outcome[..1000] : outcome,
            };
            db.RunbookRuns.Add(run);
            db.Publish(new RunbookRan(runbook.Id, componentId, incidentId, succeeded, run.Outcome, now), now);
            audit.Stage(db, new AuditRecord("monitoring.runbook.ran", "Runbook", runbook.Id.ToString(), After: new { runbook.Name, Kind = runbook.Kind.ToString(), componentId, incidentId, succeeded, outcome = run.Outcome }),
                AuditActor.System);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<(bool Succeeded, string Outcome)> ExecuteAsync(MonitoringDbContext db, Runbook runbook, DateTime now, CancellationToken cancellationToken)
    {
        switch (runbook.Kind)
        {
            case RunbookKind.HttpCall:
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(TimeSpan.FromSeconds(30));
                    using var response = await clients.CreateClient(HttpChecker.ClientName).PostAsync(new Uri(runbook.Url!), content: null, timeout.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        await CheckSoonAsync(db, runbook.ComponentId, now, cancellationToken);
                    }

                    return (response.IsSuccessStatusCode, $"POST {runbook.Url} answered HTTP {(int)response.StatusCode}.");
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return (false, $"POST {runbook.Url} timed out.");
                }
                catch (HttpRequestException ex)
                {
                    return (false, $"POST {runbook.Url} failed: {Platform.Outbound.OutboundHttp.Describe(ex)}");
                }

            case RunbookKind.Command:
                var (ran, output) = await RunCommandAsync(runbook.Command!, cancellationToken);
                if (ran)
                {
                    await CheckSoonAsync(db, runbook.ComponentId, now, cancellationToken);
                }

                return (ran, output);

            case RunbookKind.SwitchToStandby:
                var monitors = await db.Monitors.Where(m => m.ComponentId == runbook.ComponentId && m.StandbyTarget != null && !m.UsingStandby).ToListAsync(cancellationToken);
                foreach (var monitor in monitors)
                {
                    monitor.UsingStandby = true;
                    monitor.ConsecutiveFailures = 0;
                    monitor.NextDueAt = now;
                }

                return monitors.Count > 0
                    ? (true, $"Switched {monitors.Count} monitor(s) to standby: {string.Join(", ", monitors.Select(m => m.StandbyTarget))}.")
                    : (false, "No monitor of the component has a standby target left to switch to.");

            default:
                return (false, $"Unknown runbook kind {runbook.Kind}.");
        }
    }

    private static async Task CheckSoonAsync(MonitoringDbContext db, Guid componentId, DateTime now, CancellationToken cancellationToken) =>
        await db.Monitors.Where(m => m.ComponentId == componentId && m.NextDueAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextDueAt, now), cancellationToken);

    private async Task<(bool, string)> RunCommandAsync(string name, CancellationToken cancellationToken)
    {
        if (!options.Value.Commands.TryGetValue(name, out var command) || command.Length == 0)
        {
            return (false, $"No command '{name}' is configured under Monitoring:Commands.");
        }

        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(1));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (false, $"Command '{name}' ran longer than a minute and was stopped.");
            }

            var text = (await output).Trim();
            return (process.ExitCode == 0, $"Command '{name}' exited with {process.ExitCode}. {(text.Length > 500 ? text[..500] : text)}".Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (false, $"Command '{name}' could not start: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Runbook {Runbook} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string runbook, string reason);
}
