using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Authentication;

internal sealed class MfaSatisfiedHandler(IOptionsMonitor<AccessOptions> options) : AuthorizationHandler<MfaSatisfiedRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MfaSatisfiedRequirement requirement)
    {
        if (MfaState.IsSatisfied(context.User, options.CurrentValue.RequireMfaForStaff))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
