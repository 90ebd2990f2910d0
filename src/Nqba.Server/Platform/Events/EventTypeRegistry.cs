using System.Collections.Frozen;
using System.Reflection;

namespace Nqba.Server.Platform.Events;

/// <summary>Maps stored event type names to CLR types: every <see cref="IDomainEvent"/> in the server assembly.</summary>
internal sealed class EventTypeRegistry
{
    private readonly FrozenDictionary<string, Type> _types;

    public EventTypeRegistry()
    {
        _types = typeof(IDomainEvent).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IDomainEvent).IsAssignableFrom(t))
            .ToFrozenDictionary(NameOf, t => t, StringComparer.Ordinal);
    }

    public static string NameOf(Type eventType) =>
        eventType.GetCustomAttribute<EventNameAttribute>()?.Name ?? eventType.Name;

    public Type? Find(string name) => _types.GetValueOrDefault(name);

    public IEnumerable<string> Names => _types.Keys;
}
