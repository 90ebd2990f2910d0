using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Users;

/// <inheritdoc/>
internal sealed class StaffDirectory(AccessDbContext db, TimeProvider time) : IStaffDirectory
{
    public async Task<IReadOnlyList<string>> EmailsInRolesAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        var normalized = roles.Select(r => r.ToUpperInvariant()).ToList();
        var userIds = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where normalized.Contains(r.NormalizedName!)
            select ur.UserId).Distinct().ToListAsync(cancellationToken);

        // Loaded as entities, not projected: the addresses are encrypted and only entity loading decrypts them.
        var users = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.ClientOrganizationId == null && u.Email != null)
            .ToListAsync(cancellationToken);
        return [.. users.Where(u => u.LockoutEnd == null || u.LockoutEnd < time.GetUtcNow()).Select(u => u.Email!)
            .Where(e => e != FieldProtector.ErasedValue).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
