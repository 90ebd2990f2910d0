using System.Reflection;
using Nqba.Server.Platform.Cli;

namespace Nqba.Server.Platform.Modules;

/// <summary>
/// The modules the server is made of, found by reflection over its assembly: the kernel (<see cref="KernelName"/>)
/// first, then the others by name. Their navigation entries and verbs are collected here.
/// </summary>
public sealed class ModuleCatalog
{
    /// <summary>The shared kernel's module name; it is added and mapped before every other module.</summary>
    public const string KernelName = "Platform";

    public ModuleCatalog(IEnumerable<INqbaModule> modules)
    {
        Modules = [.. modules.OrderBy(m => m.Name == KernelName ? 0 : 1).ThenBy(m => m.Name, StringComparer.Ordinal)];
        Navigation = [.. Modules.SelectMany(m => m.Navigation).OrderBy(e => e.Order)];
        Verbs = [.. Modules.SelectMany(m => m.Verbs)];

        // Declarations are code: a clash is a bug, reported at start rather than as a link or verb that silently wins.
        ThrowOnDuplicates("module", Modules.Select(m => m.Name));
        ThrowOnDuplicates("navigation path", Navigation.Select(e => e.Path));
        ThrowOnDuplicates("verb", Verbs.Select(v => v.Name));
    }

    /// <summary>The modules, in the order they are added and mapped.</summary>
    public IReadOnlyList<INqbaModule> Modules { get; }

    /// <summary>Every module's navigation entries, in display order.</summary>
    public IReadOnlyList<NavigationEntry> Navigation { get; }

    /// <summary>Every module's verbs, in module order.</summary>
    public IReadOnlyList<ICliVerb> Verbs { get; }

    /// <summary>Creates one instance of every concrete <see cref="INqbaModule"/> in the assembly.</summary>
    public static ModuleCatalog Discover(Assembly assembly) => new(
        assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INqbaModule).IsAssignableFrom(t))
            .Select(t => (INqbaModule)Activator.CreateInstance(t, nonPublic: true)!));

    private static void ThrowOnDuplicates(string what, IEnumerable<string> names)
    {
        var duplicates = names.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"More than one module declares the {what} {string.Join(", ", duplicates)}.");
        }
    }
}
