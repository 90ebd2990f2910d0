using Microsoft.AspNetCore.Identity;
using Nqba.Server.Modules.Access.Users;
using OtpNet;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>
/// The authenticator-app second factor (TOTP, RFC 6238) with every code accepted once. The time step a code matched
/// is stored on the user (<see cref="NqbaUser.AuthenticatorTimeStep"/>); a code of that step or an earlier one is
/// refused, as RFC 6238 §5.2 requires. Identity's own <see cref="AuthenticatorTokenProvider{TUser}"/> accepts a code
/// again for as long as it is valid, so a code read over a shoulder or from a proxy log could sign in a second time.
/// One step either side of now is accepted for clock drift and typing time (RFC 6238's recommended window).
/// </summary>
internal sealed class OneTimeAuthenticatorTokenProvider(TimeProvider time) : IUserTwoFactorTokenProvider<NqbaUser>
{
    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<NqbaUser> manager, NqbaUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the person's authenticator app; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<NqbaUser> manager, NqbaUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<NqbaUser> manager, NqbaUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, VerificationWindow.RfcSpecifiedNetworkDelay)
            || step <= (user.AuthenticatorTimeStep ?? long.MinValue))
        {
            return false;
        }

        // Saved under the user's concurrency stamp: of two requests racing with one code, only the first one's save wins.
        user.AuthenticatorTimeStep = step;
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
