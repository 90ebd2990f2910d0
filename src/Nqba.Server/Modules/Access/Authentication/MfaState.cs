using System.Security.Claims;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Authentication;

internal static class MfaState
{
    public const string ApiKeyMethod = "apikey";

    public static bool IsStaff(ClaimsPrincipal user) => NqbaRoles.Staff.Any(user.IsInRole);

    /// <summary>
    /// A principal satisfies MFA when it is not staff, MFA is not required, it passed a second factor ("mfa"),
    /// or it is an API key (which only an MFA-authenticated staff session can create).
    /// </summary>
    public static bool IsSatisfied(ClaimsPrincipal user, bool requireMfaForStaff) =>
        !requireMfaForStaff || !IsStaff(user) ||
        user.HasClaim(NqbaClaims.AuthenticationMethod, "mfa") ||
        user.HasClaim(NqbaClaims.AuthenticationMethod, ApiKeyMethod);
}
