using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Encrypts, on the first start after the upgrade, the Data Protection keys written before the key ring was encrypted
/// under the master key, so sessions and links issued before it stay valid. Only while no key is encrypted yet: once
/// the ring is encrypted, a key in the clear can only have been put into the database from outside, and it is ignored
/// (<see cref="MasterKeyEncryptedXmlRepository"/>), never adopted.
/// </summary>
internal sealed partial class DataProtectionKeyEncryption(
    PlatformDbContext db,
    MasterKeyXmlEncryptor encryptor,
    ILogger<DataProtectionKeyEncryption> logger) : IDataSeeder
{
    /// <summary>First: before anything reads the key ring.</summary>
    public int Order => 1;

    public async Task SeedAsync(bool includeDemoData, CancellationToken cancellationToken) => await ConvertAsync(cancellationToken);

    /// <summary>Encrypts every key stored in the clear and returns how many there were.</summary>
    public async Task<int> ConvertAsync(CancellationToken cancellationToken)
    {
        var keys = (await db.DataProtectionKeys.ToListAsync(cancellationToken))
            .Where(row => !string.IsNullOrEmpty(row.Xml))
            .Select(row => (Row: row, Xml: XElement.Parse(row.Xml!)))
            .Where(k => k.Xml.Name.LocalName == "key")
            .ToList();
        if (keys.Any(k => MasterKeyEncryptedXmlRepository.IsEncryptedUnderMasterKey(k.Xml)))
        {
            return 0;
        }

        var converted = 0;
        foreach (var (row, xml) in keys)
        {
            if (MasterKeyEncryptedXmlRepository.EncryptSecrets(xml, encryptor))
            {
                row.Xml = xml.ToString(SaveOptions.DisableFormatting);
                converted++;
            }
        }

        if (converted > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogConverted(logger, converted);
        }

        return converted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Encrypted {Count} Data Protection key(s) stored in the clear under the master key. Copies of the database made before (backups included) still hold them readable: whoever has one can forge sessions until those keys expire")]
    private static partial void LogConverted(ILogger logger, int count);
}
