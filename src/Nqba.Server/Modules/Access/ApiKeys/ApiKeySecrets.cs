using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Nqba.Server.Modules.Access.ApiKeys;

/// <summary>Generates, parses and hashes API keys (<c>nqba_{prefix}_{secret}</c>).</summary>
internal static class ApiKeySecrets
{
    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"nqba_{prefix}_{secret}", prefix, Hash(secret));
    }

    public static bool TryParse(string key, out string prefix, out string secret)
    {
        prefix = secret = string.Empty;
        var parts = key.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "nqba" || parts[1].Length != 12 || parts[2].Length < 20)
        {
            return false;
        }

        (prefix, secret) = (parts[1], parts[2]);
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
