using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>Creating users, listing them, resetting passwords: the Admin's user management.</summary>
internal sealed class UserAdministration(UserManager<NqbaUser> users, AccessDbContext db, FieldProtector protector, IAuditLedger audit, TimeProvider time)
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

        await transaction.CommitAsync(cancellationToken);
        var dto = new UserDto(user.Id, request.Email, user.DisplayName, [request.Role], user.ClientOrganizationId, false, false);
        await audit.AppendAsync(new AuditRecord("access.user.created", "user", user.Id.ToString(), After: dto, OrganizationId: user.ClientOrganizationId), cancellationToken);
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

    public async Task<Result<string>> ResetPasswordAsync(string email, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return Error.NotFound("User", email);
        }

        var password = AccessSeeder.GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Error.Validation("password", string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.AppendAsync(new AuditRecord("access.user.password_reset", "user", user.Id.ToString()), cancellationToken);
        return password;
    }
}
