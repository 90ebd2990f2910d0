using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Nqba.Server.Platform.Errors;

namespace Nqba.Server.Modules.Scheduling.Video;

/// <summary>
/// OAuth access tokens of the vendors, fetched on first use and kept until a minute before they expire (vendors
/// limit token requests). A token the vendor rejects is forgotten, so the next call fetches a new one.
/// </summary>
internal sealed class AccessTokens(IHttpClientFactory clients, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    /// <summary>A token for <paramref name="key"/>, from the cache or from the token endpoint.</summary>
    public async Task<Result<string>> GetAsync(string key, Func<HttpRequestMessage> tokenRequest, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_tokens.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Token;
        }

        using var request = tokenRequest();
        var answer = await VendorHttp.SendAsync(clients.CreateClient(VendorHttp.ClientName), request, cancellationToken);
        if (!answer.Succeeded)
        {
            return VendorHttp.Failed("token " + answer.Error.Detail);
        }

        if (VendorHttp.Text(answer.Value, "access_token") is not { } token)
        {
            return VendorHttp.Failed("the token answer had no access_token");
        }

        var lifetime = answer.Value.TryGetProperty("expires_in", out var expiresIn) && expiresIn.ValueKind == JsonValueKind.Number
            ? TimeSpan.FromSeconds(expiresIn.GetDouble())
            : TimeSpan.FromMinutes(5);
        _tokens[key] = (token, now + lifetime - TimeSpan.FromMinutes(1));
        return token;
    }

    public void Forget(string key) => _tokens.TryRemove(key, out _);

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);
}
