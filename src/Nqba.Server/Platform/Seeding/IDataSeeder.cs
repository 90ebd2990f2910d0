namespace Nqba.Server.Platform.Seeding;

/// <summary>A module's part of the demo company, run once on first start in <see cref="Order"/>.</summary>
public interface IDataSeeder
{
    /// <summary>Lower runs first: platform (10), access (20), then modules that reference them.</summary>
    int Order { get; }

    /// <summary>
    /// Seeds what the module needs to work (always) and, when <paramref name="includeDemoData"/>, the demo
    /// company's sample records. Seeds only what is absent; a second start leaves existing data alone.
    /// </summary>
    Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken);
}
