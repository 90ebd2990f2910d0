using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>
/// Password and second-factor checks for the API token endpoint, with lockout and audit entries. The web UI
/// uses <see cref="SignInManager{TUser}"/> directly for its cookie; both count failures the same way.
/// A sign-in does not tell whether an account exists: an unknown address, a wrong password and a locked account get
/// the same answer (401 <c>invalid_credentials</c>), and each costs one password hash (<see cref="DummyPasswordHash"/>).
/// Lockout still holds: a locked account refuses even the right password until the lockout ends.
/// </summary>
internal sealed class SignInService(
    UserManager<NqbaUser> users,
    SignInManager<NqbaUser> signIn,
    AccessDbContext db,
    UserLookupHash lookup,
    IAuditLedger audit,
    IOptionsMonitor<AccessOptions> options,
    DummyPasswordHash dummy,
    TimeProvider time)
{
    /// <summary>The one answer to an unknown address, a wrong password and a locked account.</summary>
    public static Error InvalidCredentials => Error.Unauthorized(
        "invalid_credentials",
        "The e-mail address or password is wrong, or the account is locked for a while after too many failed sign-ins.");

    /// <summary>
    /// The account for a password sign-in, or null when there is none. For no account and for a locked one (which
    /// Identity answers without hashing) the password is hashed anyway, so every answer takes the same time.
    /// </summary>
    public async Task<(NqbaUser? User, bool LockedOut)> FindForPasswordSignInAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        var lockedOut = user is not null && await users.IsLockedOutAsync(user);
        if (user is null || lockedOut)
        {
            dummy.Verify(users.PasswordHasher, password);
        }

        return (user, lockedOut);
    }

    public async Task<Result<ClaimsPrincipal>> CreateTokenPrincipalAsync(string email, string password, string? code, CancellationToken cancellationToken)
    {
        var (user, lockedOut) = await FindForPasswordSignInAsync(email, password);
        if (user is null)
        {
            // Named by the keyed hash of the address, never the address: the ledger outlives erasure.
            await audit.AppendAsync(new AuditRecord("access.signin.failed", "user", await lookup.HashAsync(users.NormalizeEmail(email), cancellationToken), After: new { reason = "unknown user", channel = "api" }), cancellationToken);
            return InvalidCredentials;
        }

        var check = lockedOut ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            await audit.AppendAsync(new AuditRecord("access.signin.locked_out", "user", user.Id.ToString(), After: new { channel = "api" }), cancellationToken);
            return InvalidCredentials;
        }

        if (!check.Succeeded)
        {
            await audit.AppendAsync(new AuditRecord("access.signin.failed", "user", user.Id.ToString(), After: new { reason = "wrong password", channel = "api" }), cancellationToken);
            return InvalidCredentials;
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var identity = (ClaimsIdentity)principal.Identity!;
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return Error.Unauthorized("mfa_required", "This account uses two-factor authentication: send the 6-digit code from the authenticator app as 'code'.");
            }

            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", string.Empty, StringComparison.Ordinal));
            if (!valid)
            {
                await users.AccessFailedAsync(user);
                await audit.AppendAsync(new AuditRecord("access.signin.failed", "user", user.Id.ToString(), After: new { reason = "wrong code", channel = "api" }), cancellationToken);
                return Error.Unauthorized("invalid_code", "The authenticator code is wrong or expired.");
            }

            identity.AddClaim(new Claim(NqbaClaims.AuthenticationMethod, "mfa"));
        }
        else if (options.CurrentValue.RequireMfaForStaff && MfaState.IsStaff(principal))
        {
            return Error.Forbidden("Staff accounts must enrol two-factor authentication before using the API: sign in to the web UI, which leads to /account/mfa.");
        }

        await users.ResetAccessFailedCountAsync(user);
        await SucceededAsync(user, new { channel = "api" }, actor: null, cancellationToken);
        return principal;
    }

    /// <summary>
    /// Records a successful sign-in on either channel: the time on the account (inactive client accounts are purged
    /// by the <c>access.accounts</c> retention category) and an audit entry. The time is set with one UPDATE of that
    /// column, so it neither re-encrypts the account's fields nor changes its concurrency stamp.
    /// </summary>
    public async Task SucceededAsync(NqbaUser user, object details, AuditActor? actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInAt, now), cancellationToken);
        var record = new AuditRecord("access.signin.succeeded", "user", user.Id.ToString(), After: details, OrganizationId: user.ClientOrganizationId);
        await (actor is null ? audit.AppendAsync(record, cancellationToken) : audit.AppendAsync(record, actor, cancellationToken));
    }
}
