using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nqba.Server.Modules.Access;
using Nqba.Server.Modules.Onboarding;
using Nqba.Server.Modules.Pipeline;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

/// <summary>Issue 20's onboarding: staff complete a step and record the paid invoice on /onboarding; the client sees both on /onboarding/mine.</summary>
public sealed class OnboardingChecklistTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 900)]
    public async Task Staff_CompleteAStepAndRecordTheInvoice_AndTheClientSeesIt(int width, int height)
    {
        Guid organization;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var match = await scope.ServiceProvider.GetRequiredService<IClientDirectory>().FindOrCreateAsync(
                new ClientProfile("Checklist " + Guid.NewGuid().ToString("N")[..6], $"checklist-{Guid.NewGuid():N}.example", "us-east", null), CancellationToken.None);
            organization = match.OrganizationId;
            var owner = (await scope.ServiceProvider.GetRequiredService<ICompanyDirectory>().GetAsync(CancellationToken.None)).Specialists[0].Id;
            await scope.ServiceProvider.GetRequiredService<OnboardingDesk>().StartAsync(
                new DealWon(Guid.NewGuid(), organization, null, owner, "nqba-core", 9000m, "USD", fixture.Clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        }

        var staff = await fixture.SignInNewUserAsync(NqbaRoles.Specialist, "/onboarding", axe: true);
        await staff.SetViewportSizeAsync(width, height);
        await staff.ReloadAsync();
        var panel = staff.Locator($"[data-testid=onboarding-{organization}]");
        await panel.Locator("li[data-step=contract] input[name=Evidence]").FillAsync("Signed contract v2");
        await panel.Locator("li[data-step=contract] button:has-text('Done')").ClickAsync();
        await staff.WaitForSelectorAsync($"[data-testid=onboarding-{organization}] li[data-step=contract].done");

        // A card number in the invoice field is refused, named; the invoice number is recorded, and paid completes the step.
        panel = staff.Locator($"[data-testid=onboarding-{organization}]");
        await panel.Locator("input[name=InvoiceNumber]").FillAsync("4111 1111 1111 1111");
        await panel.Locator("input[name=Amount]").FillAsync("9000");
        await panel.Locator("button:has-text('Record invoice')").ClickAsync();
        var error = await staff.WaitForSelectorAsync("[data-testid=onboarding-error]");
        Assert.Contains("card number", await error!.InnerTextAsync(), StringComparison.Ordinal);
        panel = staff.Locator($"[data-testid=onboarding-{organization}]");
        Assert.Equal("true", await panel.Locator("input[name=InvoiceNumber]").GetAttributeAsync("aria-invalid"));
        await panel.Locator("input[name=InvoiceNumber]").FillAsync("2026-0107");
        await panel.Locator("input[name=Amount]").FillAsync("9000");
        await panel.Locator("select[name=Status]").SelectOptionAsync("paid");
        await panel.Locator("button:has-text('Record invoice')").ClickAsync();
        await staff.WaitForSelectorAsync($"[data-testid=onboarding-{organization}] li[data-step=payment].done");
        await CheckAsync(staff, $"onboarding-{width}-1-staff", width);

        var client = await SignInClientAsync(organization, width, height);
        Assert.Contains("2 of 7 steps done", await client.InnerTextAsync("[data-testid=my-onboarding-state]"), StringComparison.Ordinal);
        Assert.Contains("done", await client.InnerTextAsync("[data-testid=my-onboarding] li[data-step=contract]"), StringComparison.Ordinal);
        Assert.Contains("2026-0107", await client.InnerTextAsync("[data-testid=my-payments]"), StringComparison.Ordinal);
        await CheckAsync(client, $"onboarding-{width}-2-client", width);
    }

    private async Task<IPage> SignInClientAsync(Guid organization, int width, int height)
    {
        var email = $"client-{Guid.NewGuid():N}@checklist.example";
        var (_, password) = await fixture.CreateUserAsync(email, NqbaRoles.Client, organization);
        var key = await fixture.EnableTotpAsync(email);
        var page = await fixture.NewPageAsync(width, height, axe: true);
        await page.GotoAsync("/onboarding/mine");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/account/login-mfa**", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.FillAsync("#code", await OneTimeCodes.NextAsync(key));
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/onboarding/mine", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("[data-testid=my-onboarding]");
        return page;
    }

    private static async Task CheckAsync(IPage page, string name, int width)
    {
        await AxeCore.ScreenshotAsync(page, name);
        var violations = await AxeCore.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name} ({page.Url}):\n" + string.Join('\n', violations));
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{name} is {scrollWidth}px wide at a {width}px viewport");
    }
}
