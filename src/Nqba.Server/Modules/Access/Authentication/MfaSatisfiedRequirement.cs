using Microsoft.AspNetCore.Authorization;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>Staff must have passed a second factor when <see cref="AccessOptions.RequireMfaForStaff"/> is on.</summary>
internal sealed class MfaSatisfiedRequirement : IAuthorizationRequirement;
