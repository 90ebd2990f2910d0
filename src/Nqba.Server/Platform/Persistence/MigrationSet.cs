using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Nqba.Server.Platform.Persistence;

/// <summary>
/// A model context with its two provider subclasses (<c>Sqlite{Name}DbContext</c>, <c>Postgres{Name}DbContext</c>) and
/// the folder of its migrations, one subfolder per provider. Found by reflection, so scripts/add-migration.sh lists none.
/// </summary>
/// <param name="Name">The context's name without <c>DbContext</c>, e.g. <c>SupportChat</c>.</param>
/// <param name="Folder">The migrations folder relative to the project, e.g. <c>Modules/Support/Migrations/Chat</c>.</param>
internal sealed record MigrationSet(string Name, string Folder)
{
    private const string RootNamespace = "Nqba.Server";

    public static IReadOnlyList<MigrationSet> Find(Assembly assembly)
    {
        var types = assembly.GetTypes();
        var contexts = types.Where(t => t.IsClass && typeof(DbContext).IsAssignableFrom(t)).ToDictionary(t => t.FullName!, StringComparer.Ordinal);
        var snapshots = types.Where(t => typeof(ModelSnapshot).IsAssignableFrom(t))
            .Select(t => (Snapshot: t, t.GetCustomAttribute<DbContextAttribute>()?.ContextType))
            .Where(s => s.ContextType is not null)
            .ToDictionary(s => s.ContextType!, s => s.Snapshot);

        var sets = new List<MigrationSet>();
        foreach (var model in contexts.Values.Where(t => t.Name.EndsWith("DbContext", StringComparison.Ordinal)))
        {
            var sqlite = contexts.Values.FirstOrDefault(t => t.BaseType == model && t.Name == "Sqlite" + model.Name);
            var postgres = contexts.Values.FirstOrDefault(t => t.BaseType == model && t.Name == "Postgres" + model.Name);
            if (sqlite is null || postgres is null)
            {
                continue;
            }

            // An existing migration set stays where it is (its namespace); a new one goes to its module's Migrations folder.
            var folder = snapshots.TryGetValue(sqlite, out var snapshot)
                ? FolderOf(snapshot.Namespace![..^".Sqlite".Length])
                : DefaultFolder(model.Namespace!);
            sets.Add(new MigrationSet(model.Name[..^"DbContext".Length], folder));
        }

        return [.. sets.OrderBy(s => s.Folder, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static string FolderOf(string ns) => ns[(RootNamespace.Length + 1)..].Replace('.', '/');

    private static string DefaultFolder(string contextNamespace)
    {
        var parts = contextNamespace[(RootNamespace.Length + 1)..].Split('.');
        var root = parts[0] == "Modules" && parts.Length > 1 ? $"{parts[0]}/{parts[1]}" : parts[0];
        return root + "/Migrations";
    }
}
