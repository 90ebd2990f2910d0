using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>
/// Encrypts, once on start, the user tokens (authenticator secrets, recovery codes) stored in the clear before
/// <see cref="NqbaUserStore"/> encrypted them. Values already encrypted are left alone, so a second run changes nothing.
/// </summary>
internal sealed partial class UserTokenEncryption(AccessDbContext db, FieldProtector protector, ILogger<UserTokenEncryption> logger) : IDataSeeder
{
    /// <summary>With <see cref="UserFieldEncryption"/>, before anything signs a user in.</summary>
    public int Order => 19;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken) => await ConvertAsync(cancellationToken);

    /// <summary>Encrypts every token stored in the clear and returns how many there were.</summary>
    public async Task<int> ConvertAsync(CancellationToken cancellationToken)
    {
        // Two rows per user with a second factor at most: read them all rather than teach the query the prefix.
        var plaintext = (await db.UserTokens.ToListAsync(cancellationToken)).Where(t => t.Value is not null && !FieldProtector.IsProtected(t.Value)).ToList();
        foreach (var token in plaintext)
        {
            token.Value = await protector.ProtectAsync(null, token.Value!, cancellationToken);
        }

        if (plaintext.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogConverted(logger, plaintext.Count);
        }

        return plaintext.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Encrypted {Count} user token(s) (authenticator secrets, recovery codes) stored before encryption")]
    private static partial void LogConverted(ILogger logger, int count);
}
