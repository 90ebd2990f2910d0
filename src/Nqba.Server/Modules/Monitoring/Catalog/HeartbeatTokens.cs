using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Nqba.Server.Modules.Monitoring.Catalog;

/// <summary>Heartbeat tokens: 256 random bits, stored only as a SHA-256 hash.</summary>
internal static class HeartbeatTokens
{
    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
