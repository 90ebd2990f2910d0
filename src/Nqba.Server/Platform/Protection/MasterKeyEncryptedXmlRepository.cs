using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// The Data Protection key ring as stored in the database, handing Data Protection only the keys whose secrets are
/// encrypted under the master key (<see cref="MasterKeyXmlEncryptor"/>). Data Protection itself would also accept a
/// key stored in plain XML, so anyone able to insert a row into <c>platform_data_protection_keys</c> could add a key
/// of their own and forge sessions with it; such a key is ignored here (with a warning) instead.
/// </summary>
internal sealed partial class MasterKeyEncryptedXmlRepository(IXmlRepository inner, ILogger<MasterKeyEncryptedXmlRepository> logger) : IXmlRepository
{
    internal static readonly XNamespace DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";
    internal static readonly XName EncryptedSecret = DataProtectionNamespace + "encryptedSecret";
    internal static readonly XName RequiresEncryption = DataProtectionNamespace + "requiresEncryption";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var accepted = new List<XElement>();
        foreach (var element in inner.GetAllElements())
        {
            if (element.Name.LocalName != "key" || IsEncryptedUnderMasterKey(element))
            {
                accepted.Add(element);
            }
            else
            {
                LogIgnoredKey(logger, (string?)element.Attribute("id") ?? "?");
            }
        }

        return accepted;
    }

    public void StoreElement(XElement element, string friendlyName) => inner.StoreElement(element, friendlyName);

    /// <summary>
    /// True when the key's secrets are all encrypted under the master key: it holds at least one encrypted secret,
    /// every one of them is for <see cref="MasterKeyXmlDecryptor"/>, and nothing outside them is a secret in the clear.
    /// </summary>
    internal static bool IsEncryptedUnderMasterKey(XElement key)
    {
        var secrets = key.Descendants(EncryptedSecret).ToList();
        return secrets.Count > 0
            && secrets.All(s => IsOurDecryptor((string?)s.Attribute("decryptorType")))
            && !key.Descendants().Any(e => !e.Ancestors(EncryptedSecret).Any() && (e.Name.LocalName == "masterKey" || e.Attribute(RequiresEncryption) is not null));
    }

    /// <summary>Encrypts, in place, every secret of a key stored before the key ring was encrypted; false when there was none.</summary>
    internal static bool EncryptSecrets(XElement key, MasterKeyXmlEncryptor encryptor)
    {
        var plaintext = key.Descendants().Where(e => string.Equals((string?)e.Attribute(RequiresEncryption), "true", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var secret in plaintext)
        {
            var encrypted = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(EncryptedSecret, new XAttribute("decryptorType", encrypted.DecryptorType.AssemblyQualifiedName!), encrypted.EncryptedElement));
        }

        return plaintext.Count > 0;
    }

    private static bool IsOurDecryptor(string? typeName) =>
        typeName is not null && typeName.Split(',', 2)[0].Trim() == typeof(MasterKeyXmlDecryptor).FullName;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored Data Protection key {KeyId}: its secret is not encrypted under the master key (a key added to the database from outside)")]
    private static partial void LogIgnoredKey(ILogger logger, string keyId);
}
