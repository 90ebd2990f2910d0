using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Tests.Architecture.Planted.Modules.Gamma;

namespace Nqba.Server.Tests.Architecture;

/// <summary>Modules are found by their declarations, not listed: a module folder without one, or a new one, is noticed.</summary>
public sealed class ModuleDeclarationTests
{
    private static readonly ModuleCatalog Server = ModuleCatalog.Discover(typeof(Program).Assembly);

    [Fact]
    public void EveryModuleFolder_HasOneDeclaration_InItsRootNamespace()
    {
        var folders = ModuleBoundaryTests.ModuleInternals(typeof(Program).Assembly, "Nqba.Server.Modules").Keys.Order(StringComparer.Ordinal);
        var declared = Server.Modules.Where(m => m.Name != ModuleCatalog.KernelName).ToList();

        Assert.Equal(folders, declared.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(declared, m => Assert.Equal("Nqba.Server.Modules." + m.Name, m.GetType().Namespace));
        Assert.Equal(ModuleCatalog.KernelName, Server.Modules[0].Name);
    }

    [Fact]
    public void Verbs_AreCollectedFromTheModules()
    {
        var owners = Server.Modules.SelectMany(m => m.Verbs.Select(v => (Verb: v.Name, Module: m.Name))).ToDictionary(p => p.Verb, p => p.Module);

        Assert.Equal("Platform", owners["migrate"]);
        Assert.Equal("Platform", owners["audit"]);
        Assert.Equal("Platform", owners["backup"]);
        Assert.Equal("Platform", owners["keys"]);
        Assert.Equal("Access", owners["admin"]);
        Assert.Equal("Optimization", owners["solve"]);
        Assert.True(NqbaCli.IsVerb(Server, ["solve", "x.rudy"]));
        Assert.True(NqbaCli.IsVerb(Server, ["--help"]));
        Assert.False(NqbaCli.IsVerb(Server, []));
        Assert.False(NqbaCli.IsVerb(Server, ["--urls", "http://localhost:5000"]));
    }

    [Fact]
    public void APlantedModule_IsDiscovered_WithItsNavigationAndVerb()
    {
        var planted = ModuleCatalog.Discover(typeof(ModuleDeclarationTests).Assembly);

        var module = Assert.Single(planted.Modules);
        Assert.Equal("Gamma", module.Name);
        Assert.Equal(GammaModuleDeclaration.Path, Assert.Single(planted.Navigation).Path);
        Assert.True(NqbaCli.IsVerb(planted, [GammaModuleDeclaration.VerbName]));
        Assert.False(NqbaCli.IsVerb(Server, [GammaModuleDeclaration.VerbName]));
    }

    [Fact]
    public async Task APlantedModule_IsAddedMappedAndRunsItsVerb()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var planted = ModuleCatalog.Discover(typeof(ModuleDeclarationTests).Assembly);
        ((IHostApplicationBuilder)builder).Properties[typeof(ModuleCatalog)] = planted;
        builder.Services.AddSingleton(planted);
        builder.AddNqbaModules();
        await using var app = builder.Build();
        app.MapNqbaModules();
        await app.StartAsync();

        var pong = await app.GetTestClient().GetStringAsync(new Uri(GammaModuleDeclaration.Path + "/ping", UriKind.Relative));
        var exit = await NqbaCli.RunAsync(app.Services, [GammaModuleDeclaration.VerbName]);

        Assert.Equal("pong", pong);
        Assert.Equal(GammaModuleDeclaration.VerbExitCode, exit);
        Assert.Equal(1, app.Services.GetRequiredService<GammaCounter>().Runs);
    }

    [Fact]
    public void DuplicateDeclarations_FailAtStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ModuleCatalog([new GammaModuleDeclaration(), new GammaModuleDeclaration()]));

        Assert.Contains("Gamma", error.Message, StringComparison.Ordinal);
    }
}
