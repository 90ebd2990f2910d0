using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Platform.Events;

/// <summary>
/// Dispatches committed events to their in-process handlers, oldest first. Several instances may run: each
/// claims an event with a conditional update before handling it, so an event is handled by one instance.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    EventTypeRegistry registry,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var handled = await DispatchPendingAsync(stoppingToken);
                if (handled < options.Value.BatchSize)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly unavailable (restart, failover); try again on the next tick.
                LogDispatchFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Handles one batch of pending events; returns how many were looked at.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var pending = await db.Events.AsNoTracking()
            .Where(e => e.DispatchedAt == null && e.Attempts < options.Value.MaxAttempts && (e.ClaimedUntil == null || e.ClaimedUntil < now))
            .OrderBy(e => e.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var stored in pending)
        {
            var claimedUntil = now + ClaimDuration;
            var claimed = await db.Events
                .Where(e => e.Id == stored.Id && e.DispatchedAt == null && (e.ClaimedUntil == null || e.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ClaimedUntil, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            string? error = null;
            try
            {
                await HandleAsync(stored, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failing subscriber must not stop the log: record the error and retry the event later.
                error = ex.GetType().Name + ": " + ex.Message;
                LogHandlerFailed(logger, stored.Type, stored.Id, ex);
            }

            var finishedAt = time.GetUtcNow().UtcDateTime;
            await db.Events.Where(e => e.Id == stored.Id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.DispatchedAt, error == null ? finishedAt : null)
                    .SetProperty(e => e.ClaimedUntil, error == null ? null : finishedAt + RetryDelay(stored.Attempts))
                    .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                    .SetProperty(e => e.LastError, error == null ? null : error[..Math.Min(error.Length, 2000)]),
                cancellationToken);
        }

        return pending.Count;
    }

    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, attempts + 1)));

    private async Task HandleAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        var type = registry.Find(stored.Type);
        if (type is null)
        {
            return;
        }

        using var activity = NqbaTelemetry.ActivitySource.StartActivity("event " + stored.Type, ActivityKind.Consumer);
        var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(stored.Payload, type, EventLogExtensions.PayloadJson)!;
        var info = new StoredEventInfo(stored.Id, stored.EventId, stored.Type, stored.OccurredAt);
        await using var scope = scopes.CreateAsyncScope();
        var handlerType = typeof(IEventSubscriber<>).MakeGenericType(type);
        foreach (var handler in scope.ServiceProvider.GetServices(handlerType))
        {
            var invoker = (IHandlerInvoker)Activator.CreateInstance(typeof(HandlerInvoker<>).MakeGenericType(type))!;
            await invoker.InvokeAsync(handler!, domainEvent, info, cancellationToken);
        }

        NqbaTelemetry.EventsDispatched.Add(1, new KeyValuePair<string, object?>("type", stored.Type));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event dispatch failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler for event {Type} #{Id} failed")]
    private static partial void LogHandlerFailed(ILogger logger, string type, long id, Exception exception);

    private interface IHandlerInvoker
    {
        Task InvokeAsync(object handler, IDomainEvent domainEvent, StoredEventInfo info, CancellationToken cancellationToken);
    }

    private sealed class HandlerInvoker<TEvent> : IHandlerInvoker
        where TEvent : IDomainEvent
    {
        public Task InvokeAsync(object handler, IDomainEvent domainEvent, StoredEventInfo info, CancellationToken cancellationToken) =>
            ((IEventSubscriber<TEvent>)handler).HandleAsync((TEvent)domainEvent, info, cancellationToken);
    }
}
