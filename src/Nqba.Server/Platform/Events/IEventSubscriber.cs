namespace Nqba.Server.Platform.Events;

/// <summary>A subscriber to one kind of event, run in its own DI scope after the event is committed.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public interface IEventSubscriber<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, StoredEventInfo info, CancellationToken cancellationToken);
}
