using Microsoft.AspNetCore.Identity;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Audit;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>
/// Turning on a user's second factor: the authenticator code is checked, then MFA, a fresh set of recovery codes and
/// the audit entry commit in one transaction.
/// </summary>
internal sealed class MfaEnrolment(UserManager<NqbaUser> users, AccessDbContext db, IAuditLedger audit)
{
    /// <summary>How many recovery codes an enrolment issues.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The new recovery codes, or null when <paramref name="typedCode"/> is not the authenticator's current code.</summary>
    public async Task<IReadOnlyList<string>?> EnrolAsync(NqbaUser user, string? typedCode, CancellationToken cancellationToken)
    {
        var code = (typedCode ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return null;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        audit.Stage(db, new AuditRecord("access.mfa.enrolled", "user", user.Id.ToString(), After: new { recoveryCodes = codes.Count }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return codes;
    }
}
