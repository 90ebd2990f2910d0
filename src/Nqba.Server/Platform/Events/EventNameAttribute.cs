namespace Nqba.Server.Platform.Events;

/// <summary>The stable name an event is stored under; defaults to the class name.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
