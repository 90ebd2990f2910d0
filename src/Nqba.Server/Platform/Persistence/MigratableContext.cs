namespace Nqba.Server.Platform.Persistence;

/// <summary>Marks a module DbContext whose migrations the start-up step applies, in registration order.</summary>
internal sealed record MigratableContext(Type ContextType);
