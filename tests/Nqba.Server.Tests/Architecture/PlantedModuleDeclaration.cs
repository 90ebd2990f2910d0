// A test-only module, declared as a real one is, for ModuleDeclarationTests and NavigationTests to prove a new
// module is picked up: its services, endpoint, navigation entry and verb.
#pragma warning disable CA1812, CA1852

using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Tests.Architecture.Planted.Modules.Gamma;

internal sealed class GammaModuleDeclaration : INqbaModule
{
    public const string Path = "/gamma";
    public const string VerbName = "gamma";
    public const int VerbExitCode = 42;

    public string Name => "Gamma";

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new(Path, "Gamma", NavigationOrder.Compliance + 50, [NqbaRoles.ComplianceOfficer])];

    public IReadOnlyList<ICliVerb> Verbs { get; } = [new GammaVerb()];

    public void AddServices(IHostApplicationBuilder builder) => builder.Services.AddSingleton<GammaCounter>();

    public void MapEndpoints(IEndpointRouteBuilder app) =>
        app.MapGet(Path + "/ping", () => TypedResults.Text("pong")).AllowAnonymous().ExcludeFromDescription();
}

internal sealed class GammaCounter
{
    public int Runs { get; set; }
}

internal sealed class GammaVerb : ICliVerb
{
    public string Name => GammaModuleDeclaration.VerbName;

    public Command Create(IServiceProvider services)
    {
        var command = new Command(Name, "The planted module's verb.");
        command.SetAction(_ =>
        {
            services.GetRequiredService<GammaCounter>().Runs++;
            return GammaModuleDeclaration.VerbExitCode;
        });
        return command;
    }
}
