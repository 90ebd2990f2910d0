using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Organizations;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Privacy;

/// <summary>
/// Client user accounts for privacy requests: exported with their roles, deleted on erasure (an account cannot be
/// kept unreadable: it signs in), renamed on rectification. Staff accounts are employment records and stay.
/// Retention (<c>access.accounts</c>) deletes client accounts that have not signed in since the cutoff (never
/// signed in: created before it) the same way.
/// </summary>
internal sealed class AccessPersonalData(AccessDbContext db, UserManager<NqbaUser> users, UserLookupHash lookup) : IPersonalDataSource, IRetentionPolicy
{
    public string Name => "access";

    public string Category => "access.accounts";

    public async Task<IReadOnlyList<PersonalDataRecord>> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var records = new List<PersonalDataRecord>();
        foreach (var user in await (await UsersOfAsync(subject, cancellationToken)).AsNoTracking().ToListAsync(cancellationToken))
        {
            var roles = await users.GetRolesAsync(user);
            records.Add(new PersonalDataRecord("user", user.Id.ToString(), new
            {
                user.DisplayName,
                user.Email,
                user.PhoneNumber,
                user.ClientOrganizationId,
                user.CreatedAt,
                user.TwoFactorEnabled,
                roles,
            }));
        }

        if (subject.OrganizationId is { } org && await db.Organizations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == org, cancellationToken) is { } organization)
        {
            records.Add(new PersonalDataRecord("organization", organization.Id.ToString(), new
            {
                organization.Name,
                organization.Domain,
                organization.RegionCode,
                organization.Industry,
                organization.CreatedAt,
            }));
        }

        return records;
    }

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        // An organization the intake created for a person writing from a public mail provider is keyed by the hash of
        // their address; the key goes with them (the organization stays, found by id).
        if (ClientOrganization.IntakeKeyOf(null, subject.EmailHash) is { } key)
        {
            await db.Organizations.IgnoreQueryFilters().Where(o => o.IntakeKey == key)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.IntakeKey, (string?)null), cancellationToken);
        }

        return await DeleteAccountsAsync(await (await UsersOfAsync(subject, cancellationToken)).Where(u => u.ClientOrganizationId != null).ToListAsync(cancellationToken), cancellationToken);
    }

    public async Task<int> PurgeOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken) =>
        await DeleteAccountsAsync(
            await db.Users.IgnoreQueryFilters()
                .Where(u => u.ClientOrganizationId != null && (u.LastSignInAt ?? u.CreatedAt) < cutoff)
                .ToListAsync(cancellationToken),
            cancellationToken);

    private async Task<int> DeleteAccountsAsync(List<NqbaUser> accounts, CancellationToken cancellationToken)
    {
        // Overwritten before the rows go: where the client's zone keeps the encrypted fields in a store of its own, the
        // values there are replaced in place (deleting the row would leave them readable under the organization's key).
        foreach (var user in accounts)
        {
            user.UserName = FieldProtector.ErasedValue;
            user.Email = FieldProtector.ErasedValue;
            user.DisplayName = FieldProtector.ErasedValue;
            user.PhoneNumber = user.PhoneNumber is null ? null : FieldProtector.ErasedValue;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var user in accounts)
        {
            var result = await users.DeleteAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Deleting user {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }

        return accounts.Count;
    }

    public async Task<int> RectifyAsync(DataSubject subject, Rectification correction, CancellationToken cancellationToken)
    {
        var accounts = await (await UsersOfAsync(subject, cancellationToken)).Where(u => u.ClientOrganizationId != null).ToListAsync(cancellationToken);
        foreach (var user in accounts)
        {
            user.DisplayName = correction.Name ?? user.DisplayName;
            user.PhoneNumber = correction.Phone ?? user.PhoneNumber;
            if (correction.Email is { } email)
            {
                user.Email = email;
                user.UserName = email;
            }

            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Updating user {user.Id} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }

        return accounts.Count;
    }

    private async Task<IQueryable<NqbaUser>> UsersOfAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        if (subject.OrganizationId is { } org)
        {
            return db.Users.IgnoreQueryFilters().Where(u => u.ClientOrganizationId == org);
        }

        if (subject.Email is null)
        {
            return db.Users.Where(_ => false);
        }

        // The address is stored encrypted: find it by the keyed hash Identity looks it up by.
        var hash = await lookup.HashAsync(users.NormalizeEmail(subject.Email), cancellationToken);
        return db.Users.IgnoreQueryFilters().Where(u => u.NormalizedEmail == hash);
    }
}
