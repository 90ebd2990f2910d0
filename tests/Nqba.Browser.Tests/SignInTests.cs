using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

public sealed partial class SignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    [Fact]
    public async Task StaffUser_SignsIn_EnrolsMfa_AndSeesTheDashboard_ThenSignsInAgainWithACode()
    {
        var email = $"specialist-{Guid.NewGuid():N}@nqba.test";
        var (_, password) = await fixture.CreateUserAsync(email, NqbaRoles.Specialist);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/dashboard");
        Assert.Matches(LoginUrl(), page.Url);
        await SignInAsync(page, email, password);

        // Password alone is not enough for staff: the enrolment page with its QR code comes first.
        await page.WaitForPageAsync("**/account/mfa");
        Assert.True(await page.Locator(".qr svg").IsVisibleAsync());
        var key = await page.Locator("[data-testid=totp-key]").InnerTextAsync();
        await page.FillAsync("#code", await OneTimeCodes.NextAsync(key));
        await page.ClickAsync("button[type=submit]");

        var codes = page.Locator("[data-testid=recovery-codes] li");
        await codes.First.WaitForAsync();
        Assert.Equal(10, await codes.CountAsync());
        await page.ClickAsync("text=Continue to the dashboard");
        await page.WaitForPageAsync("**/dashboard");
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());
        Assert.Contains(email.Split('@')[0], await page.Locator(".lead").InnerTextAsync(), StringComparison.Ordinal);

        // Sign out, then sign in again: now the second factor is asked for.
        await page.ClickAsync("text=Sign out");
        await page.WaitForPageAsync("**/account/login");
        await page.GotoAsync("/dashboard");
        await SignInAsync(page, email, password);
        await page.WaitForPageAsync("**/account/login-mfa**");
        await page.FillAsync("#code", await OneTimeCodes.NextAsync(key));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForPageAsync("**/dashboard");
        Assert.Equal("Dashboard", await page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task WrongPassword_ShowsAnErrorOnTheLoginPage()
    {
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/account/login");
        await SignInAsync(page, NqbaFactory.AdminEmail, "not-the-password-1");

        await page.WaitForPageAsync("**/account/login?error=invalid**");
        Assert.Contains("wrong", await page.Locator("[role=alert]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_FitsAPhoneScreen_AndSpeaksGerman()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844, locale: "de-DE");

        await page.GotoAsync("/account/login");

        Assert.Equal("Anmelden", await page.Locator("h1").InnerTextAsync());
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
    }

    [Fact]
    public async Task Admin_SeesTheAuditPage_WithAVerifiedChain()
    {
        var key = await fixture.EnableTotpAsync(NqbaFactory.AdminEmail);
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/admin/audit");
        await SignInAsync(page, NqbaFactory.AdminEmail, NqbaFactory.AdminPassword);
        await page.WaitForPageAsync("**/account/login-mfa**");
        await page.FillAsync("#code", await OneTimeCodes.NextAsync(key));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForPageAsync("**/admin/audit");

        Assert.Contains("Chain verified: ok", await page.Locator("[data-testid=chain-status]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("tbody tr").CountAsync() > 0);
        Assert.True(await page.Locator("nav >> text=Audit log").IsVisibleAsync());
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginUrl();
}
