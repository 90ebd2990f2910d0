using Nqba.Server.Platform.Modules;

namespace Nqba.Server.Modules.Support;

/// <summary>The Support module's declaration.</summary>
internal sealed class SupportModuleDeclaration : INqbaModule
{
    public string Name => "Support";

    public void AddServices(IHostApplicationBuilder builder) => builder.AddSupportModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapSupportEndpoints();
}
