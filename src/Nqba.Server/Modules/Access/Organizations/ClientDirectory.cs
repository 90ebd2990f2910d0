using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Audit;
using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Organizations;

/// <inheritdoc/>
internal sealed class ClientDirectory(AccessDbContext db, IAuditLedger audit, TimeProvider time) : IClientDirectory
{
    /// <summary>A client organization a member of staff creates by hand: audited in the same transaction.</summary>
    public async Task<ClientOrganizationDto> CreateAsync(CreateOrganizationRequest request, CancellationToken cancellationToken)
    {
        var org = New(new ClientProfile(request.Name, request.Domain, request.RegionCode, request.Industry, ContactKey: null), intakeKey: null);
        await db.SaveChangesAsync(cancellationToken);
        return ClientOrganizationDto.From(org);
    }

    public async Task<ClientMatch> FindOrCreateAsync(ClientProfile profile, CancellationToken cancellationToken)
    {
        var domain = profile.Domain?.Trim().ToLowerInvariant();

        // The lookup is system work: a returning company must be recognised whoever submits the form.
        if (!string.IsNullOrEmpty(domain) &&
            await db.Organizations.IgnoreQueryFilters().AsNoTracking().OrderBy(o => o.CreatedAt).FirstOrDefaultAsync(o => o.Domain == domain, cancellationToken) is { } existing)
        {
            return new ClientMatch(existing.Id, existing.Name, existing.RegionCode, Created: false);
        }

        var intakeKey = ClientOrganization.IntakeKeyOf(domain, profile.ContactKey);
        var org = New(profile, intakeKey);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (intakeKey is not null)
        {
            // Another submission for the same company inserted the same key first: its organization is this one.
            foreach (var added in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
            {
                added.State = EntityState.Detached;
            }

            var winner = await db.Organizations.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.IntakeKey == intakeKey, cancellationToken);
            if (winner is null)
            {
                throw;
            }

            return new ClientMatch(winner.Id, winner.Name, winner.RegionCode, Created: false);
        }

        return new ClientMatch(org.Id, org.Name, org.RegionCode, Created: true);
    }

    public async Task<ClientMatch?> FindAsync(Guid organizationId, CancellationToken cancellationToken) =>
        await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => new ClientMatch(o.Id, o.Name, o.RegionCode, false)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> organizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organizationIds);
        var ids = organizationIds.Distinct().ToList();
        return await db.Organizations.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ContactEmailsAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        // Loaded as entities, not projected: the addresses are encrypted and only entity loading decrypts them.
        var users = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.ClientOrganizationId == organizationId && u.Email != null)
            .ToListAsync(cancellationToken);
        return [.. users.Select(u => u.Email!).Where(e => e != FieldProtector.ErasedValue)];
    }

    /// <summary>A new organization added to the context with its audit entry staged; the caller saves.</summary>
    private ClientOrganization New(ClientProfile profile, string? intakeKey)
    {
        var domain = profile.Domain?.Trim().ToLowerInvariant();
        var org = new ClientOrganization
        {
            Id = Guid.CreateVersion7(),
            Name = profile.Name.Trim(),
            Domain = string.IsNullOrEmpty(domain) ? null : domain,
            RegionCode = profile.RegionCode,
            Industry = profile.Industry,
            IntakeKey = intakeKey,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Organizations.Add(org);
        audit.Stage(db, new AuditRecord("access.client.created", "client", org.Id.ToString(), After: ClientOrganizationDto.From(org), OrganizationId: org.Id));
        return org;
    }
}
