namespace Nqba.Server.Platform.Modules;

/// <summary>Adds and maps every module of the <see cref="ModuleCatalog"/>, so Program.cs lists none of them.</summary>
public static class ModuleHosting
{
    /// <summary>The server's modules, discovered once per builder and registered as a singleton.</summary>
    public static ModuleCatalog GetModuleCatalog(this IHostApplicationBuilder builder)
    {
        if (builder.Properties.TryGetValue(typeof(ModuleCatalog), out var found))
        {
            return (ModuleCatalog)found;
        }

        var catalog = ModuleCatalog.Discover(typeof(ModuleCatalog).Assembly);
        builder.Properties[typeof(ModuleCatalog)] = catalog;
        builder.Services.AddSingleton(catalog);
        return catalog;
    }

    /// <summary>Registers the services of every module, the kernel first.</summary>
    public static IHostApplicationBuilder AddNqbaModules(this IHostApplicationBuilder builder)
    {
        foreach (var module in builder.GetModuleCatalog().Modules)
        {
            module.AddServices(builder);
        }

        return builder;
    }

    /// <summary>Maps the endpoints of every module, the kernel first.</summary>
    public static IEndpointRouteBuilder MapNqbaModules(this IEndpointRouteBuilder app)
    {
        foreach (var module in app.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(app);
        }

        return app;
    }
}
