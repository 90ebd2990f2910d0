using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Errors;
using Nqba.Server.Platform.Notifications;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Provisioning;

/// <inheritdoc/>
internal sealed class ClientProvisioning(
    UserManager<NqbaUser> users,
    AccessDbContext db,
    FieldProtector protector,
    INotificationService notifications,
    IAuditLedger audit,
    TimeProvider time) : IClientProvisioning
{
    /// <summary>The most users one provisioning creates.</summary>
    public const int MaxBatch = 200;

    /// <summary>The longest display name accepted.</summary>
    public const int MaxNameLength = 200;

    public IReadOnlyList<string> ClientRoles { get; } = [NqbaRoles.Client];

    public async Task<Result<ProvisionedBatch>> ProvisionAsync(Guid organizationId, IReadOnlyList<ClientUserInvite> invites, string? language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invites);
        if (Validate(invites) is { } invalid)
        {
            return invalid;
        }

        if (!await db.Organizations.IgnoreQueryFilters().AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return Error.NotFound("Client organization", organizationId);
        }

        // The organization's data key encrypts its users' fields: created before the transaction takes SQLite's write lock.
        await protector.EnsureKeyAsync(organizationId, cancellationToken);

        // A concurrent provisioning of the same address loses on the unique user name and tries again: then the
        // address is a member already and the batch is answered without a second user.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (await ProvisionOnceAsync(organizationId, invites, cancellationToken) is not { } done)
                {
                    // Lost a race with a concurrent provisioning of the same address: look again.
                    db.ChangeTracker.Clear();
                    if (attempt < 3)
                    {
                        continue;
                    }

                    return Error.Conflict("The same users were being provisioned at the same moment; send the batch again.");
                }

                if (!done.Succeeded)
                {
                    return done.Error;
                }

                await InviteAsync(organizationId, done.Value, language, cancellationToken);

                return new ProvisionedBatch([.. done.Value.Select(d => d.User)]);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ProvisionedUser>>> MembersAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var orgs = organizationIds.Distinct().ToList();
        // Entities, not a projection: the names are encrypted and only loaded entities are decrypted.
        var members = await db.Users.IgnoreQueryFilters().AsNoTracking().Where(u => u.ClientOrganizationId != null && orgs.Contains(u.ClientOrganizationId.Value))
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        var ids = members.ConvertAll(u => u.Id);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken)).ToLookup(x => x.UserId, x => x.Name!);
        return members.GroupBy(u => u.ClientOrganizationId!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<ProvisionedUser>)
            [.. g.Select(u => new ProvisionedUser(u.Id, u.DisplayName, roles[u.Id].FirstOrDefault() ?? NqbaRoles.Client, false, u.PasswordHash is not null))]);
    }

    public async Task<IReadOnlyDictionary<Guid, ClientUsage>> UsageAsync(IReadOnlyCollection<Guid> organizationIds, DateTime since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var ids = organizationIds.Distinct().ToList();
        var rows = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.ClientOrganizationId != null && ids.Contains(u.ClientOrganizationId.Value))
            .GroupBy(u => u.ClientOrganizationId!.Value)
            .Select(g => new { Id = g.Key, Users = g.Count(), Active = g.Count(u => u.LastSignInAt != null && u.LastSignInAt >= since) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new ClientUsage(r.Users, r.Active));
    }

    private Error? Validate(IReadOnlyList<ClientUserInvite> invites)
    {
        var fields = new Dictionary<string, string[]>();
        if (invites.Count == 0 || invites.Count > MaxBatch)
        {
            return Error.Validation("users", $"Name between 1 and {MaxBatch} users to provision.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < invites.Count; i++)
        {
            var invite = invites[i];
            if (invite is null)
            {
                fields[$"users[{i}]"] = ["Each user has an email, a name and a role."];
                continue;
            }

            var email = invite.Email?.Trim();
            if (string.IsNullOrEmpty(email) || email.Length > 254 || !MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
            {
                fields[$"users[{i}].email"] = ["The e-mail address is required and must be a single address such as name@example.com."];
            }
            else if (!seen.Add(email))
            {
                fields[$"users[{i}].email"] = ["This address is listed twice in the batch."];
            }

            var name = invite.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
            {
                fields[$"users[{i}].name"] = [$"The name is required, at most {MaxNameLength} characters."];
            }

            if (!ClientRoles.Contains(invite.Role ?? string.Empty, StringComparer.Ordinal))
            {
                fields[$"users[{i}].role"] = [$"Unknown client role '{invite.Role}'. Client roles: {string.Join(", ", ClientRoles)}."];
            }
        }

        return fields.Count > 0 ? Error.Validation(fields) : null;
    }

    /// <summary>One attempt, in one transaction; null when a concurrent provisioning created one of the addresses meantime.</summary>
    private async Task<Result<List<(ProvisionedUser User, NqbaUser? Account)>>?> ProvisionOnceAsync(Guid organizationId, IReadOnlyList<ClientUserInvite> invites, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = new List<(ProvisionedUser, NqbaUser?)>(invites.Count);
        for (var i = 0; i < invites.Count; i++)
        {
            var email = invites[i].Email!.Trim();
            var name = invites[i].Name!.Trim();
            var role = invites[i].Role!;
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                var roles = await users.GetRolesAsync(existing);
                if (existing.ClientOrganizationId != organizationId)
                {
                    return Taken(i, "This address belongs to an account of another organization (or to staff): it cannot join this one.");
                }

                if (!roles.Contains(role, StringComparer.Ordinal))
                {
                    return Taken(i, $"This address is a member already, with the role {string.Join(", ", roles)}: its role is not changed by provisioning.");
                }

                result.Add((new ProvisionedUser(existing.Id, existing.DisplayName, role, false, existing.PasswordHash is not null), null));
                continue;
            }

            var user = new NqbaUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                ClientOrganizationId = organizationId,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            };

            // No password: the invited person sets one through the invitation's link.
            var created = await users.CreateAsync(user);
            if (created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail"))
            {
                return null;
            }

            if (!created.Succeeded)
            {
                return Error.Validation($"users[{i}].email", string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var added = await users.AddToRoleAsync(user, role);
            if (!added.Succeeded)
            {
                return Error.Validation($"users[{i}].role", string.Join(" ", added.Errors.Select(e => e.Description)));
            }

            // Encrypted fields appear in the ledger as "set", never as their value.
            audit.Stage(db, new AuditRecord("access.user.provisioned", "user", user.Id.ToString(), After: new { user.Id, email = "set", displayName = "set", roles = new[] { role }, user.ClientOrganizationId, password = "invitation" }, OrganizationId: organizationId));
            result.Add((new ProvisionedUser(user.Id, name, role, true, false), user));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>A 409 that names the batch's field, so the caller knows which address to take out.</summary>
    private static Error Taken(int index, string message) =>
        new("conflict", "Conflict", message, StatusCodes.Status409Conflict, new Dictionary<string, string[]> { [$"users[{index}].email"] = [message] });

    private async Task InviteAsync(Guid organizationId, List<(ProvisionedUser User, NqbaUser? Account)> done, string? language, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Name).FirstAsync(cancellationToken);
        foreach (var (_, account) in done)
        {
            if (account is null)
            {
                continue;
            }

            // Identity's password-reset token: time-limited, and spent when the password is set (the security stamp changes).
            var token = await users.GeneratePasswordResetTokenAsync(account);
            var link = SetPassword.Link(account.Id, token);
            await notifications.SendAsync<InvitationMail, InvitationMailModel>(new(account.Email!, language, new InvitationMailModel(account.DisplayName, organization, link)), cancellationToken);
        }
    }
}
