using System.Reflection;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// Names the table holding a context's migration history (<c>__ef_&lt;module&gt;</c>: each context migrates on its
/// own). Read by the registration and by the design-time factories, so the name is written once, on the model context.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
internal sealed class MigrationHistoryAttribute(string table) : Attribute
{
    public string Table { get; } = table;

    public static string Of(Type context) =>
        context.GetCustomAttribute<MigrationHistoryAttribute>(inherit: true)?.Table
        ?? throw new InvalidOperationException($"{context.Name} names no migration history table ([MigrationHistory] on its model context).");
}
