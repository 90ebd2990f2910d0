using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>Adds the client organization and display name to every principal Identity builds.</summary>
internal sealed class NqbaClaimsPrincipalFactory(
    UserManager<NqbaUser> users,
    RoleManager<NqbaRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<NqbaUser, NqbaRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(NqbaUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(NqbaClaims.DisplayName, user.DisplayName));
        if (user.ClientOrganizationId is { } org)
        {
            identity.AddClaim(new Claim(NqbaClaims.Organization, org.ToString("D")));
        }

        return identity;
    }
}
