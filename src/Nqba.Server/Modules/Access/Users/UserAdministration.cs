using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Sessions;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>Creating users, listing them, resetting passwords and MFA, ending sessions: the Admin's user management.</summary>
internal sealed class UserAdministration(
    UserManager<NqbaUser> users,
    AccessDbContext db,
    FieldProtector protector,
    SessionRevocation revocation,
    INotificationService notifications,
    IAuditLedger audit,
    TimeProvider time)
{
    public async Task<Result<CreatedUser>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        if (!NqbaRoles.All.Contains(request.Role, StringComparer.Ordinal))
        {
            return Error.Validation("role", $"Unknown role '{request.Role}'. Valid roles: {string.Join(", ", NqbaRoles.All)}.");
        }

        if (request.Role == NqbaRoles.Client)
        {
            if (request.ClientOrganizationId is not { } org)
            {
                return Error.Validation("clientOrganizationId", "A Client user must belong to a client organization.");
            }

            if (!await db.Organizations.AnyAsync(o => o.Id == org, cancellationToken))
            {
                return Error.Validation("clientOrganizationId", $"Client organization '{org}' does not exist.");
            }
        }
        else if (request.ClientOrganizationId is not null)
        {
            return Error.Validation("clientOrganizationId", "Only Client users belong to a client organization.");
        }

        if (await users.FindByEmailAsync(request.Email) is not null)
        {
            return Error.Conflict($"A user with e-mail '{request.Email}' already exists.");
        }

        var password = AccessSeeder.GeneratePassword();
        var user = new NqbaUser
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName,
            ClientOrganizationId = request.ClientOrganizationId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        // The user's fields are encrypted under the organization's key: create it before the transaction takes SQLite's write lock.
        await protector.EnsureKeyAsync(user.ClientOrganizationId, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Error.Validation(created.Errors.GroupBy(e => e.Code.Contains("Email", StringComparison.Ordinal) ? "email" : "user")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }

        var roleResult = await users.AddToRoleAsync(user, request.Role);
        if (!roleResult.Succeeded)
        {
            return Error.Validation("role", string.Join(" ", roleResult.Errors.Select(e => e.Description)));
        }

        var dto = new UserDto(user.Id, request.Email, user.DisplayName, [request.Role], user.ClientOrganizationId, false, false);
        // Encrypted fields appear in the ledger as "set", never as their value.
        audit.Stage(db, new AuditRecord("access.user.created", "user", user.Id.ToString(), After: new { dto.Id, email = "set", displayName = "set", dto.Roles, dto.ClientOrganizationId }, OrganizationId: user.ClientOrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedUser(dto, password);
    }

    public async Task<List<UserDto>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Encrypted columns cannot be sorted in SQL: sort the decrypted addresses.
        var list = (await db.Users.AsNoTracking().ToListAsync(cancellationToken))
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Id).ToList();
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var byUser = roleNames.ToLookup(x => x.UserId, x => x.Name!);
        return list.ConvertAll(u => new UserDto(u.Id, u.Email!, u.DisplayName, [.. byUser[u.Id]], u.ClientOrganizationId, u.TwoFactorEnabled, u.LockoutEnd > now));
    }

    public async Task<Result<string>> ResetPasswordAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email) is { } user ? await ResetPasswordAsync(user, cancellationToken) : Error.NotFound("User", email);

    public async Task<Result<string>> ResetPasswordAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id) is { } user ? await ResetPasswordAsync(user, cancellationToken) : Error.NotFound("User", id);

    /// <summary>
    /// Sets a new random password, clears lockout and ends every session of the account (tokens, cookies, API keys):
    /// whoever knew the old password must not stay signed in.
    /// </summary>
    private async Task<Result<string>> ResetPasswordAsync(NqbaUser user, CancellationToken cancellationToken)
    {
        var password = AccessSeeder.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Error.Validation("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await revocation.RevokeAllAsync(user, "password reset", apiKeys: true, cancellationToken);
        audit.Stage(db, new AuditRecord("access.user.password_reset", "user", user.Id.ToString(), OrganizationId: user.ClientOrganizationId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return password;
    }

    public async Task<Result<UserDto>> ResetMfaAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email) is { } user ? await ResetMfaAsync(user, cancellationToken) : Error.NotFound("User", email);

    public async Task<Result<UserDto>> ResetMfaAsync(Guid id, CancellationToken cancellationToken) =>
        await FindAsync(id) is { } user ? await ResetMfaAsync(user, cancellationToken) : Error.NotFound("User", id);

    /// <summary>
    /// Turns two-factor sign-in off, replaces the authenticator key (the old app's codes stop working), deletes the
    /// recovery codes and ends every session; the user is told by e-mail, and staff enrol again at their next sign-in.
    /// </summary>
    private async Task<Result<UserDto>> ResetMfaAsync(NqbaUser user, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
            user.AuthenticatorTimeStep = null;
            await users.UpdateAsync(user);
            await revocation.RevokeAllAsync(user, "mfa reset", apiKeys: true, cancellationToken);
            audit.Stage(db, new AuditRecord("access.user.mfa_reset", "user", user.Id.ToString(), OrganizationId: user.ClientOrganizationId));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (!string.IsNullOrEmpty(user.Email))
        {
            // Users store no language of their own: the default culture.
            await notifications.SendAsync<MfaResetMail, MfaResetMailModel>(new(user.Email, null, new MfaResetMailModel(user.DisplayName)), cancellationToken);
        }

        return await ToDtoAsync(user, cancellationToken);
    }

    public async Task<Result<UserDto>> RevokeSessionsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id) is not { } user)
        {
            return Error.NotFound("User", id);
        }

        await revocation.RevokeAllAsync(user, "revoked by an administrator", apiKeys: true, cancellationToken);
        return await ToDtoAsync(user, cancellationToken);
    }

    private Task<NqbaUser?> FindAsync(Guid id) => users.FindByIdAsync(id.ToString());

    private async Task<UserDto> ToDtoAsync(NqbaUser user, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        cancellationToken.ThrowIfCancellationRequested();
        return new UserDto(user.Id, user.Email ?? string.Empty, user.DisplayName, [.. roles], user.ClientOrganizationId, user.TwoFactorEnabled, user.LockoutEnd > time.GetUtcNow());
    }
}
