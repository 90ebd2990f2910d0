using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Observability;

namespace Nqba.Server.Platform.Events;

/// <summary>
/// Dispatches committed events to their in-process subscribers, oldest first; <see cref="OutboxDispatchJob"/> runs it.
/// Several instances may dispatch: each claims an event with a conditional update before handling it, so an event is
/// handled by one instance at a time. Delivery is recorded per subscriber (<see cref="EventDelivery"/>): a failing
/// subscriber is retried alone with exponential back-off and parked after <see cref="EventsOptions.MaxAttempts"/>
/// attempts, for staff to replay.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    EventTypeRegistry registry,
    TimeProvider time,
    IOptions<EventsOptions> options,
    ILogger<OutboxDispatcher> logger)
{
    private static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(60);

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

            var outcome = await DeliverAsync(db, stored, cancellationToken);
            var finishedAt = time.GetUtcNow().UtcDateTime;
            var error = outcome.Error?[..Math.Min(outcome.Error.Length, 2000)];
            await db.Events.Where(e => e.Id == stored.Id).ExecuteUpdateAsync(
                s => s.SetProperty(e => e.DispatchedAt, outcome.Settled ? finishedAt : null)
                    .SetProperty(e => e.ClaimedUntil, outcome.Settled ? null : finishedAt + RetryDelay(stored.Attempts))
                    .SetProperty(e => e.Attempts, e => e.Attempts + 1)
                    .SetProperty(e => e.LastError, error),
                cancellationToken);
        }

        return pending.Count;
    }

    private static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, Math.Pow(2, attempts + 1)));

    /// <summary>
    /// Runs each subscriber that has not yet received the event (delivered or parked), recording every attempt as it
    /// ends: a subscriber that succeeded is never run again for this event, whatever the others do.
    /// </summary>
    private async Task<(bool Settled, string? Error)> DeliverAsync(PlatformDbContext db, StoredEvent stored, CancellationToken cancellationToken)
    {
        var type = registry.Find(stored.Type);
        if (type is null)
        {
            return (true, null);
        }

        using var activity = NqbaTelemetry.ActivitySource.StartActivity("event " + stored.Type, ActivityKind.Consumer);
        var domainEvent = (IDomainEvent)JsonSerializer.Deserialize(stored.Payload, type, EventLogExtensions.PayloadJson)!;
        var info = new StoredEventInfo(stored.Id, stored.EventId, stored.Type, stored.OccurredAt);
        var deliveries = await db.EventDeliveries.Where(d => d.EventId == stored.Id).ToDictionaryAsync(d => d.Subscriber, StringComparer.Ordinal, cancellationToken);
        var invoker = (IHandlerInvoker)Activator.CreateInstance(typeof(HandlerInvoker<>).MakeGenericType(type))!;
        var settled = true;
        string? firstError = null;
        await using var scope = scopes.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices(typeof(IEventSubscriber<>).MakeGenericType(type)))
        {
            var subscriber = SubscriberName(handler!);
            if (deliveries.TryGetValue(subscriber, out var delivery) && delivery.IsSettled)
            {
                continue;
            }

            if (delivery is null)
            {
                delivery = new EventDelivery { EventId = stored.Id, Subscriber = subscriber };
                db.EventDeliveries.Add(delivery);
                deliveries[subscriber] = delivery;
            }

            string? error = null;
            try
            {
                await invoker.InvokeAsync(handler!, domainEvent, info, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A failing subscriber must not stop the log or the event's other subscribers: record it, retry it alone.
                error = ex.GetType().Name + ": " + ex.Message;
                LogHandlerFailed(logger, stored.Type, stored.Id, subscriber, ex);
            }

            var at = time.GetUtcNow().UtcDateTime;
            delivery.Attempts++;
            delivery.LastAttemptAt = at;
            delivery.LastError = error?[..Math.Min(error.Length, 2000)];
            if (error is null)
            {
                delivery.DeliveredAt = at;
            }
            else if (delivery.Attempts >= options.Value.MaxAttempts)
            {
                delivery.ParkedAt = at;
                NqbaTelemetry.EventsParked.Add(1, new KeyValuePair<string, object?>("type", stored.Type));
                LogParked(logger, stored.Type, stored.Id, subscriber, delivery.Attempts);
            }
            else
            {
                settled = false;
            }

            firstError ??= error is null ? null : subscriber + ": " + error;

            // Saved now, not at the end: a crash after this subscriber must not run it again.
            await db.SaveChangesAsync(CancellationToken.None);
        }

        if (settled)
        {
            NqbaTelemetry.EventsDispatched.Add(1, new KeyValuePair<string, object?>("type", stored.Type));
        }

        return (settled, firstError);
    }

    /// <summary>A subscriber's stable name in the delivery records: its type's full name.</summary>
    internal static string SubscriberName(object handler) => handler.GetType().FullName ?? handler.GetType().Name;

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscriber {Subscriber} failed on event {Type} #{Id}; it is retried alone")]
    private static partial void LogHandlerFailed(ILogger logger, string type, long id, string subscriber, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscriber {Subscriber} parked on event {Type} #{Id} after {Attempts} attempts; replay it from /admin/events")]
    private static partial void LogParked(ILogger logger, string type, long id, string subscriber, int attempts);

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
