using Microsoft.AspNetCore.Components.Routing;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Onboarding;

/// <summary>The Onboarding module's declaration: staff see every onboarding, a client their own checklist.</summary>
internal sealed class OnboardingModuleDeclaration : INqbaModule
{
    public string Name => "Onboarding";

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [
        new("/onboarding", "Onboarding", NavigationOrder.Work + 6, NqbaRoles.Staff, NavLinkMatch.Prefix),
        new("/onboarding/mine", "MyOnboarding", NavigationOrder.Work + 31, [NqbaRoles.Client], NavLinkMatch.Prefix),
    ];

    public void AddServices(IHostApplicationBuilder builder) => builder.AddOnboardingModule();

    public void MapEndpoints(IEndpointRouteBuilder app) => app.MapOnboardingModuleEndpoints();
}
