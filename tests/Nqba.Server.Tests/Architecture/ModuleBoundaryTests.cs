using System.Reflection;
using NetArchTest.Rules;
using Nqba.Server.Platform.Modules;

namespace Nqba.Server.Tests.Architecture;

/// <summary>
/// A module may use another module's public contract (the types in its root namespace) but nothing under it
/// (persistence, pages, feature folders). Modules and their namespaces are found by reflection, so a new module
/// or feature folder is covered without editing a list.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string ModulesRoot = "Nqba.Server.Modules";

    /// <summary>Each module's namespaces below its root, found among the assembly's types.</summary>
    internal static Dictionary<string, SortedSet<string>> ModuleInternals(Assembly assembly, string modulesRoot)
    {
        var modules = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var ns in assembly.GetTypes().Select(t => t.Namespace).OfType<string>().Distinct())
        {
            if (!ns.StartsWith(modulesRoot + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var parts = ns[(modulesRoot.Length + 1)..].Split('.');
            var internals = modules.TryGetValue(parts[0], out var set) ? set : modules[parts[0]] = new SortedSet<string>(StringComparer.Ordinal);
            if (parts.Length > 1)
            {
                internals.Add(ns);
            }
        }

        return modules;
    }

    /// <summary>"Module -> other module's internal type" for every type that reaches below another module's root.</summary>
    internal static List<string> Violations(Assembly assembly, string modulesRoot)
    {
        var modules = ModuleInternals(assembly, modulesRoot);
        var violations = new List<string>();
        foreach (var module in modules.Keys)
        {
            var forbidden = modules.Where(m => m.Key != module).SelectMany(m => m.Value).ToArray();
            if (forbidden.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(assembly)
                .That().ResideInNamespaceStartingWith($"{modulesRoot}.{module}.").Or().ResideInNamespace($"{modulesRoot}.{module}")
                .ShouldNot().HaveDependencyOnAny(forbidden)
                .GetResult();
            violations.AddRange((result.FailingTypeNames ?? []).Select(t => $"{module}: {t}"));
        }

        return violations;
    }

    [Fact]
    public void NoModule_ReachesIntoAnotherModulesInternals()
    {
        var modules = ModuleInternals(typeof(Program).Assembly, ModulesRoot);

        // The reflection finds every declared module and its feature folders, not just a hand-kept few.
        var declared = ModuleCatalog.Discover(typeof(Program).Assembly).Modules.Select(m => m.Name).Where(n => n != ModuleCatalog.KernelName);
        Assert.Superset(declared.ToHashSet(), modules.Keys.ToHashSet());
        Assert.Contains("Nqba.Server.Modules.Support.Chat", modules["Support"]);
        Assert.Contains("Nqba.Server.Modules.Scheduling.Video", modules["Scheduling"]);

        var violations = Violations(typeof(Program).Assembly, ModulesRoot);
        Assert.True(violations.Count == 0, "Modules reach into other modules' internals: " + string.Join(", ", violations));
    }

    [Fact]
    public void APlantedViolation_IsFound_AndAContractUseIsNot()
    {
        var violations = Violations(typeof(ModuleBoundaryTests).Assembly, Planted.Modules.Alpha.Marker.Root);

        var violation = Assert.Single(violations);
        Assert.Equal("Alpha: " + typeof(Planted.Modules.Alpha.Pages.ReachesIntoBeta).FullName, violation);
    }

    [Fact]
    public void Platform_DoesNotDependOnModules()
    {
        var result = Types.InAssembly(typeof(Program).Assembly)
            .That().ResideInNamespaceStartingWith("Nqba.Server.Platform")
            .And().DoNotResideInNamespace("Nqba.Server.Platform.Web")
            .ShouldNot().HaveDependencyOn("Nqba.Server.Modules")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
