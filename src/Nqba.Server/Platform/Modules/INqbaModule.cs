using Nqba.Server.Platform.Cli;

namespace Nqba.Server.Platform.Modules;

/// <summary>
/// A module's one declaration: its services, its endpoints, its staff navigation entries and its command-line verbs.
/// The server finds every implementation in its assembly (<see cref="ModuleCatalog"/>); Program.cs, the navigation,
/// the <c>nqba</c> verb list and the architecture test are derived from them, so a new module adds itself here only.
/// Its DbContexts, jobs and event handlers are declared by the registrations <see cref="AddServices"/> makes
/// (<c>AddModuleDbContext</c>, <c>AddJob</c>, <c>IEventSubscriber&lt;T&gt;</c>).
/// </summary>
/// <remarks>An implementation has a parameterless constructor: it is created before the host is built.</remarks>
public interface INqbaModule
{
    /// <summary>The module's name, the name of its folder under <c>Modules/</c> (or <c>Platform</c> for the kernel).</summary>
    string Name { get; }

    /// <summary>Entries of the staff navigation, placed among every module's entries by their order.</summary>
    IReadOnlyList<NavigationEntry> Navigation => [];

    /// <summary>Verbs added to the <c>nqba</c> command.</summary>
    IReadOnlyList<ICliVerb> Verbs => [];

    /// <summary>Registers the module's services, options, DbContexts, jobs and event handlers.</summary>
    void AddServices(IHostApplicationBuilder builder);

    /// <summary>Maps the module's endpoints.</summary>
    void MapEndpoints(IEndpointRouteBuilder app);
}
