using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform.Persistence;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>scripts/add-migration.sh takes its contexts from <c>nqba contexts</c>; the list must hold every one.</summary>
public sealed class MigrationSetTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public void Find_ListsEveryMigratedContext_WithTheFolderOfItsMigrations()
    {
        var sets = MigrationSet.Find(typeof(Program).Assembly);
        var migrated = factory.Services.GetServices<MigratableContext>().Select(c => c.ContextType.Name[..^"DbContext".Length]);

        Assert.Superset(migrated.ToHashSet(), sets.Select(s => s.Name).ToHashSet());
        Assert.Contains(new MigrationSet("SupportChat", "Modules/Support/Migrations/Chat"), sets);
        Assert.Contains(new MigrationSet("ResidencyStore", "Platform/Residency/Migrations"), sets);
        Assert.Contains(new MigrationSet("Platform", "Platform/Migrations"), sets);
    }

    [Fact]
    public async Task ContextsVerb_PrintsOneLinePerContext_AndIsNotInTheHelp()
    {
        var listed = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, new Dictionary<string, string>(), "contexts");
        var help = await CommandLineTests.RunNqbaAsync(factory.ContentRoot, new Dictionary<string, string>(), "--help");

        Assert.Equal(0, listed.ExitCode);
        Assert.Equal(MigrationSet.Find(typeof(Program).Assembly).Select(s => $"{s.Name} {s.Folder}"), listed.Stdout.Trim().Split('\n'));
        Assert.DoesNotContain("contexts", help.Stdout, StringComparison.Ordinal);
    }
}
