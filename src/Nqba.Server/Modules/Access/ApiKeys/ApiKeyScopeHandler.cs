using Microsoft.AspNetCore.Authorization;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.ApiKeys;

internal sealed class ApiKeyScopeHandler(IHttpContextAccessor http) : AuthorizationHandler<ApiKeyScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiKeyScopeRequirement requirement)
    {
        if (!context.User.HasClaim(c => c.Type == NqbaClaims.ApiKey))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var request = (context.Resource as HttpContext ?? http.HttpContext)?.Request;
        var required = requirement.Scope ?? (request is null ? null : ApiKeyScopes.RequiredFor(request));
        var granted = context.User.FindAll(NqbaClaims.Scope).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (required is not null && ApiKeyScopes.Covers(granted, required))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"The API key lacks the '{required ?? "web"}' scope."));
        }

        return Task.CompletedTask;
    }
}
