using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Events;
using Nqba.Testing;

namespace Nqba.Server.Tests.Insights;

/// <summary>
/// Writes past events into the event log as the modules would have, already dispatched (they are history: no
/// subscriber runs again), so a test can state exactly what happened and when.
/// </summary>
internal static class EventLogSeed
{
    public static async Task AppendAsync(NqbaFactory factory, params (IDomainEvent Event, DateTime At)[] events)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        foreach (var (e, at) in events)
        {
            db.Events.Add(new StoredEvent
            {
                EventId = Guid.CreateVersion7(),
                Type = EventTypeRegistry.NameOf(e.GetType()),
                Payload = JsonSerializer.Serialize(e, e.GetType(), EventLogExtensions.PayloadJson),
                OrganizationId = e.OrganizationId,
                OccurredAt = at,
                DispatchedAt = at,
            });
        }

        await db.SaveChangesAsync();
    }

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
