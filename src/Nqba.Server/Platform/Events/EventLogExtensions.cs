using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Platform.Events;

/// <summary>Appends events to the log through a module's own DbContext, so they commit with its changes.</summary>
public static class EventLogExtensions
{
    internal static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    /// <summary>Adds <paramref name="domainEvent"/> to the event log; it is written by the next SaveChanges.</summary>
    public static void Publish(this DbContext context, IDomainEvent domainEvent, DateTime occurredAt)
    {
        context.Set<StoredEvent>().Add(new StoredEvent
        {
            EventId = Guid.CreateVersion7(),
            Type = EventTypeRegistry.NameOf(domainEvent.GetType()),
            Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), PayloadJson),
            OrganizationId = domainEvent.OrganizationId,
            OccurredAt = occurredAt,
        });
    }
}
