using Microsoft.AspNetCore.Components.Routing;

namespace Nqba.Server.Platform.Modules;

/// <summary>A link in the staff navigation.</summary>
/// <param name="Path">The page's path, e.g. <c>/leads</c>.</param>
/// <param name="LabelKey">The label's key in <c>Resources/SharedResource.resx</c> (with its de and ja translations).</param>
/// <param name="Order">Where the link stands; see <see cref="NavigationOrder"/> for the sections.</param>
/// <param name="Roles">The roles that see the link (any one of them); null: every signed-in user.</param>
/// <param name="Match">Whether the link is marked current on its path only or on every path below it too.</param>
public sealed record NavigationEntry(string Path, string LabelKey, int Order, IReadOnlyList<string>? Roles = null, NavLinkMatch Match = NavLinkMatch.All)
{
    /// <summary>Whether a user with these roles sees the link.</summary>
    public bool IsVisibleTo(System.Security.Claims.ClaimsPrincipal user) => Roles is null || Roles.Any(user.IsInRole);
}
