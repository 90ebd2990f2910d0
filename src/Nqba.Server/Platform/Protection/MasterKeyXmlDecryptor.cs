using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Nqba.Server.Platform.Protection;

/// <summary>
/// Decrypts what <see cref="MasterKeyXmlEncryptor"/> wrote. Data Protection creates it by the type name stored in
/// the key's XML, passing the application's services (the constructor taking <see cref="IServiceProvider"/>).
/// </summary>
internal sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var ns = MasterKeyXmlEncryptor.Namespace;
        var masterKeyId = (string?)encryptedElement.Element(ns + "masterKeyId")
            ?? throw new System.Security.Cryptography.CryptographicException("The encrypted Data Protection key names no master key.");
        var value = (string?)encryptedElement.Element(ns + "value")
            ?? throw new System.Security.Cryptography.CryptographicException("The encrypted Data Protection key has no value.");
        var plain = services.GetRequiredService<IMasterKeyProvider>().Unwrap(masterKeyId, Convert.FromBase64String(value));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
