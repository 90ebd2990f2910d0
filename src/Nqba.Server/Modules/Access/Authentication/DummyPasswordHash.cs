using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Nqba.Server.Modules.Access.Users;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>
/// The password check a sign-in does when there is no password to check (no such account, or one that is locked):
/// the same hasher verifies the typed password against a hash of a random one, so the answer takes as long as for
/// an account that exists and is not locked, and its timing does not tell whether an address has an account.
/// </summary>
internal sealed class DummyPasswordHash
{
    private static readonly NqbaUser Nobody = new() { DisplayName = string.Empty };
    private string? _hash;

    public void Verify(IPasswordHasher<NqbaUser> hasher, string password)
    {
        // Hashed with the configured hasher (and its work factor) the first time; a race computes it twice, harmlessly.
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
