using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Residency;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>
/// Converts user rows written before the user's personal fields were encrypted, once, on start: encrypts the
/// plaintext fields and replaces the upper-cased normalized user name and e-mail by their keyed hash, so those users
/// can still sign in. Rows already converted are left alone, so running it again changes nothing.
/// </summary>
internal sealed partial class UserFieldEncryption(
    AccessDbContext db,
    UserLookupHash lookup,
    ILookupNormalizer normalizer,
    ILogger<UserFieldEncryption> logger) : IDataSeeder
{
    private const int BatchSize = 200;

    /// <summary>Before <see cref="AccessSeeder"/>, which looks users up.</summary>
    public int Order => 19;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken) => await ConvertAsync(cancellationToken);

    /// <summary>Converts every legacy row and returns how many there were.</summary>
    public async Task<int> ConvertAsync(CancellationToken cancellationToken)
    {
        // A projection reads the columns as stored (the interceptor decrypts only loaded entities).
        var stored = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Select(u => new StoredUser(u.Id, u.UserName, u.Email, u.PhoneNumber, u.DisplayName, u.NormalizedUserName, u.NormalizedEmail))
            .ToListAsync(cancellationToken);
        var legacy = stored.Where(u => u.IsLegacy).ToDictionary(u => u.Id);
        foreach (var batch in legacy.Keys.Chunk(BatchSize))
        {
            var users = await db.Users.IgnoreQueryFilters().Where(u => batch.Contains(u.Id)).ToListAsync(cancellationToken);
            foreach (var user in users)
            {
                var row = legacy[user.Id];
                user.NormalizedUserName = await lookup.HashAsync(normalizer.NormalizeName(user.UserName), cancellationToken);
                user.NormalizedEmail = await lookup.HashAsync(normalizer.NormalizeEmail(user.Email), cancellationToken);
                var entry = db.Entry(user);
                foreach (var (name, value) in row.Encrypted)
                {
                    // Marked modified, the interceptor encrypts the plaintext on save; fields already encrypted stay.
                    entry.Property(name).IsModified = IsPlaintext(value);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        if (legacy.Count > 0)
        {
            LogConverted(logger, legacy.Count);
        }

        return legacy.Count;
    }

    private static bool IsPlaintext(string? value) => value is not null && !FieldProtector.IsProtected(value) && !ResidencyReference.IsReference(value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted the personal fields of {Count} user(s) stored before encryption")]
    private static partial void LogConverted(ILogger logger, int count);

    private sealed record StoredUser(Guid Id, string? UserName, string? Email, string? PhoneNumber, string DisplayName, string? NormalizedUserName, string? NormalizedEmail)
    {
        public IEnumerable<(string Name, string? Value)> Encrypted =>
        [
            (nameof(NqbaUser.UserName), UserName),
            (nameof(NqbaUser.Email), Email),
            (nameof(NqbaUser.PhoneNumber), PhoneNumber),
            (nameof(NqbaUser.DisplayName), DisplayName),
        ];

        public bool IsLegacy =>
            Encrypted.Any(f => IsPlaintext(f.Value)) ||
            (NormalizedUserName is not null && !UserLookupHash.IsHash(NormalizedUserName)) ||
            (NormalizedEmail is not null && !UserLookupHash.IsHash(NormalizedEmail));
    }
}
