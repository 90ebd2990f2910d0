using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Access.Users;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Server.Tests.Access;

/// <summary>Recovery codes through the real sign-in forms (issue #17, item 6: none of them ever worked).</summary>
public sealed partial class RecoveryCodeTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page);
        fields["__RequestVerificationToken"] = AntiforgeryTokens.From(html);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private async Task<(string Email, string Password, List<string> Codes)> StaffWithRecoveryCodesAsync()
    {
        var email = $"recovery-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.SalesRep);
        await factory.EnableTotpAsync(email);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 5))!.ToList();
        return (email, password, codes);
    }

    /// <summary>Signs in with the password on the web form, then answers the second step with a recovery code.</summary>
    private async Task<(HttpResponseMessage Response, HttpClient Client)> SignInWithRecoveryCodeAsync(string email, string password, string code)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var login = await PostFormAsync(client, "/account/login", "/account/login", new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/welcome" });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.StartsWith("/account/login-mfa", login.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var mfa = await PostFormAsync(client, login.Headers.Location!.OriginalString, "/account/login-mfa", new()
        {
            ["Code"] = code,
            ["UseRecoveryCode"] = "true",
            ["ReturnUrl"] = "/welcome",
        });
        return (mfa, client);
    }

    [Fact]
    public async Task RecoveryCode_AsShown_SignsInOnce_AndIsRefusedTheSecondTime()
    {
        var (email, password, codes) = await StaffWithRecoveryCodesAsync();

        var (first, client) = await SignInWithRecoveryCodeAsync(email, password, codes[0]);
        var me = await client.GetAsync("/api/auth/me");
        var (second, _) = await SignInWithRecoveryCodeAsync(email, password, codes[0]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/welcome", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.StartsWith("/account/login-mfa?error=code", second.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NqbaUser>>();
        Assert.Equal(4, await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task RecoveryCode_TypedWithoutDashInLowerCaseWithSpaces_SignsIn()
    {
        var (email, password, codes) = await StaffWithRecoveryCodesAsync();
        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", codes[1]);

        var (response, _) = await SignInWithRecoveryCodeAsync(email, password, " " + codes[1].Replace("-", " ", StringComparison.Ordinal).ToLowerInvariant() + " ");

        Assert.Equal("/welcome", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task MadeUpRecoveryCode_IsRefused()
    {
        var (email, password, _) = await StaffWithRecoveryCodesAsync();

        var (response, _) = await SignInWithRecoveryCodeAsync(email, password, "AAAAA-AAAAA");

        Assert.StartsWith("/account/login-mfa?error=code", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
