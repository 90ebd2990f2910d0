using Nqba.Server.Platform.Security;

namespace Nqba.Server.Platform.Tenancy;

/// <inheritdoc/>
internal sealed class HttpTenantContext(IHttpContextAccessor http) : ITenantContext
{
    public Guid? OrganizationId
    {
        get
        {
            var user = http.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated != true || !user.IsInRole(NqbaRoles.Client))
            {
                return null;
            }

            return Guid.TryParse(user.FindFirst(NqbaClaims.Organization)?.Value, out var org) ? org : Guid.Empty;
        }
    }
}
