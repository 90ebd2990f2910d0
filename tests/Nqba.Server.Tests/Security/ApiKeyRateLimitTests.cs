using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.ApiKeys;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>The API limit counts per API key: one busy integration cannot starve its owner's other keys.</summary>
public sealed class ApiKeyRateLimitTests(ApiKeyRateLimitTests.Factory factory) : IClassFixture<ApiKeyRateLimitTests.Factory>
{
    public sealed class Factory : NqbaFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "3" };
    }

    [Fact]
    public async Task TwoApiKeysOfOneUser_AreLimitedIndependently()
    {
        var (userId, _) = await factory.CreateUserAsync($"integrations-{Guid.NewGuid():N}@nqba.test", NqbaRoles.SalesRep);
        string first, second;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
            var owner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId.ToString()), new Claim(ClaimTypes.Role, NqbaRoles.SalesRep)], "test"));
            first = (await keys.CreateAsync(owner, new CreateApiKeyRequest("crm", null, ["access:read"]), CancellationToken.None)).Value!.Key;
            second = (await keys.CreateAsync(owner, new CreateApiKeyRequest("billing", null, ["access:read"]), CancellationToken.None)).Value!.Key;
        }

        var busy = factory.CreateClient();
        busy.DefaultRequestHeaders.Add("X-Api-Key", first);
        var quiet = factory.CreateClient();
        quiet.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", second);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await busy.GetAsync("/api/auth/me")).StatusCode);
        }

        var limited = await busy.GetAsync("/api/auth/me");
        var other = await quiet.GetAsync("/api/auth/me");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
