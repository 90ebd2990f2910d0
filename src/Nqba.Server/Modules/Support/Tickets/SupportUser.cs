using System.Security.Claims;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Support.Tickets;

/// <summary>Who is writing, as the support endpoints and forms record it.</summary>
internal static class SupportUser
{
    public static Guid? UserId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(NqbaClaims.DisplayName) ?? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "user";

    public static Guid? OrganizationId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(NqbaClaims.Organization), out var org) ? org : null;
}
