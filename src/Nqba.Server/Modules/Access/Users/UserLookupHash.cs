using Nqba.Server.Platform.Protection;

namespace Nqba.Server.Modules.Access.Users;

/// <summary>
/// What <c>NormalizedUserName</c> and <c>NormalizedEmail</c> hold: the HMAC-SHA256 of Identity's normalized
/// (upper-cased) value under the platform's search key (<see cref="FieldProtector.SearchHashAsync"/>), so users are
/// found by e-mail without the address being stored readable. The search key is a data key like the others: a
/// master key rotation re-wraps it but never changes it, so the hashes stay valid.
/// </summary>
internal sealed class UserLookupHash(FieldProtector protector)
{
    private const int HashLength = 64;

    /// <summary>The keyed hash of a normalized user name or e-mail address; null stays null.</summary>
    public async Task<string?> HashAsync(string? normalized, CancellationToken cancellationToken) =>
        normalized is null ? null : await protector.SearchHashAsync(normalized, cancellationToken);

    /// <summary>Whether a stored normalized value already is a keyed hash (and not a legacy upper-cased value).</summary>
    public static bool IsHash(string? value) => value is { Length: HashLength } && value.All(char.IsAsciiHexDigitLower);
}
