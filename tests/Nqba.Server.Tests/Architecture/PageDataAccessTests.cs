using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Nqba.Server.Tests.Architecture;

/// <summary>
/// Pages call the module's services, never a DbContext (STYLE.md): what a page shows is read by a query service
/// that the API and other pages can share, and writes go through the module's command services.
/// </summary>
public sealed class PageDataAccessTests
{
    /// <summary>"Page.Property: Context" for every component that has a DbContext injected.</summary>
    internal static List<string> PagesInjectingDbContexts(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && typeof(DbContext).IsAssignableFrom(p.PropertyType))
                .Select(p => $"{t.FullName}.{p.Name}: {p.PropertyType.Name}"))];

    [Fact]
    public void NoPageInjectsADbContext() =>
        Assert.Empty(PagesInjectingDbContexts(typeof(Program).Assembly));

    [Fact]
    public void APlantedPageWithADbContext_IsFound() =>
        Assert.Equal([$"{typeof(PlantedDbContextPage).FullName}.Db: DbContext"], PagesInjectingDbContexts(typeof(PageDataAccessTests).Assembly));

    /// <summary>A page written the forbidden way, for the check above to find.</summary>
    internal sealed class PlantedDbContextPage : ComponentBase
    {
        [Inject]
        private DbContext Db { get; set; } = null!;

        public override string ToString() => Db.ToString() ?? string.Empty;
    }
}
