using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Encrypts the secret part of each ASP.NET Data Protection key (the key that signs cookies, bearer tokens and
/// links) under the master key before the key ring is written to <c>platform_data_protection_keys</c>: the database
/// alone no longer lets anyone read or forge a session. AES-256-GCM via <see cref="IMasterKeyProvider.Wrap"/>, the
/// master key's id bound as associated data and stored beside the ciphertext, so rotated master keys still decrypt.
/// </summary>
internal sealed class MasterKeyXmlEncryptor(IMasterKeyProvider masterKeys) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:nqba:data-protection";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var masterKeyId = masterKeys.CurrentKeyId;
        var wrapped = masterKeys.Wrap(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        var element = new XElement(
            Namespace + "encryptedKey",
            new XComment(" Encrypted under the NQBA master key (Protection:MasterKeyFile or Protection:MasterKey). "),
            new XElement(Namespace + "masterKeyId", masterKeyId),
            new XElement(Namespace + "value", Convert.ToBase64String(wrapped)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }
}
