using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Testing;

namespace Nqba.Server.Tests.Security;

/// <summary>
/// Sign-in answers do not tell whether an account exists (issue #17, item 7): the same answers in the same order for
/// a known and an unknown address, and the same work (a password hash) for both. Timing itself is not measured here
/// (too noisy for a unit test); that the hasher runs for unknown and locked accounts is what makes it match.
/// </summary>
public sealed partial class AccountEnumerationTests(AccountEnumerationTests.CountingFactory factory) : IClassFixture<AccountEnumerationTests.CountingFactory>
{
    /// <summary>The real server with its password hasher wrapped in one that counts the checks.</summary>
    public sealed class CountingFactory : NqbaFactory
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<NqbaUser>>(sp =>
                new CountingHasher(new PasswordHasher<NqbaUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), () => Interlocked.Increment(ref _verifications))));
        }

        private sealed class CountingHasher(IPasswordHasher<NqbaUser> inner, Action counted) : IPasswordHasher<NqbaUser>
        {
            public string HashPassword(NqbaUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(NqbaUser user, string hashedPassword, string providedPassword)
            {
                counted();
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }


    private static async Task<List<string>> TokenAnswersAsync(HttpClient client, string email, IEnumerable<string> passwords)
    {
        var answers = new List<string>();
        foreach (var password in passwords)
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            answers.Add($"{(int)response.StatusCode} {body.GetProperty("code").GetString()} {body.GetProperty("detail").GetString()}");
        }

        return answers;
    }

    private async Task<List<string>> FormAnswersAsync(string email, IEnumerable<string> passwords)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var answers = new List<string>();
        foreach (var password in passwords)
        {
            var page = await client.GetStringAsync("/account/login");
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password,
                ["ReturnUrl"] = "/",
                ["__RequestVerificationToken"] = AntiforgeryTokens.From(page),
            }));
            answers.Add($"{(int)response.StatusCode} {response.Headers.Location?.OriginalString}");
        }

        return answers;
    }

    private static string[] WrongPasswords(int count) => [.. Enumerable.Range(0, count).Select(i => $"wrong-password-{i}")];

    [Fact]
    public async Task SixWrongPasswords_KnownAndUnknownAddress_GetTheSameAnswersInTheSameOrder()
    {
        var known = $"known-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await factory.CreateUserAsync(known, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var unknown = $"unknown-{Guid.NewGuid():N}@acme.example";
        var client = factory.CreateClient();

        var forKnown = await TokenAnswersAsync(client, known, WrongPasswords(6));
        var forUnknown = await TokenAnswersAsync(client, unknown, WrongPasswords(6));
        var rightPasswordWhileLocked = await TokenAnswersAsync(client, known, [password]);

        Assert.Equal(forKnown, forUnknown);
        Assert.All(forKnown, a => Assert.StartsWith("401 invalid_credentials", a, StringComparison.Ordinal));
        // Lockout still protects the account: five failures lock it, and the right password is refused meanwhile.
        Assert.Equal(forKnown[0], Assert.Single(rightPasswordWhileLocked));
    }

    [Fact]
    public async Task SixWrongPasswordsOnTheWebForm_KnownAndUnknownAddress_GetTheSameRedirects()
    {
        var known = $"known-{Guid.NewGuid():N}@acme.example";
        var (_, password) = await factory.CreateUserAsync(known, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var unknown = $"unknown-{Guid.NewGuid():N}@acme.example";

        var forKnown = await FormAnswersAsync(known, WrongPasswords(6));
        var forUnknown = await FormAnswersAsync(unknown, WrongPasswords(6));
        var rightPasswordWhileLocked = await FormAnswersAsync(known, [password]);

        Assert.Equal(forKnown, forUnknown);
        Assert.All(forKnown, a => Assert.StartsWith("302 /account/login?error=invalid", a, StringComparison.Ordinal));
        Assert.Equal(forKnown[0], Assert.Single(rightPasswordWhileLocked));
    }

    [Fact]
    public async Task UnknownAndLockedAccounts_AreCheckedWithThePasswordHasher_LikeKnownOnes()
    {
        var known = $"known-{Guid.NewGuid():N}@acme.example";
        await factory.CreateUserAsync(known, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var client = factory.CreateClient();

        var before = factory.Verifications;
        await TokenAnswersAsync(client, $"unknown-{Guid.NewGuid():N}@acme.example", WrongPasswords(3));
        var forUnknown = factory.Verifications - before;

        before = factory.Verifications;
        await TokenAnswersAsync(client, known, WrongPasswords(3));
        var forKnown = factory.Verifications - before;

        await TokenAnswersAsync(client, known, WrongPasswords(2)); // the fifth failure locks the account
        before = factory.Verifications;
        await TokenAnswersAsync(client, known, WrongPasswords(3));
        var forLocked = factory.Verifications - before;

        Assert.Equal(3, forKnown);
        Assert.Equal(forKnown, forUnknown);
        Assert.Equal(forKnown, forLocked);
    }
}
