using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.ApiKeys;
using Nqba.Server.Modules.Access.Persistence;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Security;

namespace Nqba.Server.Modules.Access.Authentication;

/// <summary>Authenticates <c>X-Api-Key: nqba_…</c> (or <c>Authorization: ApiKey nqba_…</c>) as the key's owner.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessDbContext db,
    IUserClaimsPrincipalFactory<NqbaUser> principals,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    public static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeySecrets.TryParse(key, out var prefix, out var secret))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var stored = await db.ApiKeys.IgnoreQueryFilters().FirstOrDefaultAsync(k => k.Prefix == prefix, Context.RequestAborted);
        if (stored is null || !ApiKeySecrets.Matches(secret, stored.SecretHash) || stored.RevokedAt != null || stored.ExpiresAt < now)
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }

        var user = await db.Users.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.Id == stored.UserId, Context.RequestAborted);
        if (user is null || (user.LockoutEnd is { } end && end > time.GetUtcNow()))
        {
            return AuthenticateResult.Fail("The API key's user is locked or gone.");
        }

        var principal = await principals.CreateAsync(user);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(NqbaClaims.AuthenticationMethod, MfaState.ApiKeyMethod));
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(NqbaClaims.ApiKey, stored.Id.ToString()));
        ((ClaimsIdentity)principal.Identity!).AddClaims(stored.ScopeList.Select(s => new Claim(NqbaClaims.Scope, s)));
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == stored.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
