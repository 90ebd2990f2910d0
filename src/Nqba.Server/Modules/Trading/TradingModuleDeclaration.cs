using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Modules.Trading.Cli;
using Nqba.Server.Platform.Cli;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Trading;

/// <summary>The Trading module's declaration (Goliath Trade).</summary>
internal sealed class TradingModuleDeclaration : INqbaModule
{
    public string Name => "Trading";

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [new("/trading", "Trading", NavigationOrder.Work + 40, [NqbaRoles.Trader], NavLinkMatch.Prefix)];

    public IReadOnlyList<ICliVerb> Verbs { get; } = [new PortfolioVerb()];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddTradingModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapTradingModuleEndpoints();
}
