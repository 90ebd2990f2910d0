using Microsoft.Playwright;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

/// <summary>axe-core on every public and every staff page: no serious or critical violation; a screenshot of each.</summary>
public sealed class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> PublicPages => new()
    {
        { "home", "/" },
        { "home-de", "/?lang=de" },
        { "home-ja", "/?lang=ja" },
        { "intake", "/intake" },
        { "intake-thanks", "/intake/thanks" },
        { "book", "/book/nqba-core" },
        { "book-type", "/book/flyfox-ai?type=demo-60&tz=Europe%2FBerlin" },
        { "status", "/status" },
        { "help", "/help" },
        { "support-request", "/support/request" },
        { "sign-in", "/account/login" },
        { "not-found", "/no-such-page" },
        { "manage-invalid", "/book/manage/not-a-token" },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicPage_HasNoSeriousAccessibilityViolations(string name, string path)
    {
        foreach (var (width, height) in new[] { (390, 844), (1280, 900) })
        {
            var page = await fixture.NewPageAsync(width, height, axe: true);
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page, $"public-{name}-{width}");
            var title = await page.TitleAsync();
            Assert.False(string.IsNullOrWhiteSpace(title), path + " has no title");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task StaffPages_HaveNoSeriousAccessibilityViolations()
    {
        var page = await fixture.SignInNewUserAsync(NqbaRoles.Admin, "/dashboard", axe: true);

        var failures = new List<string>();
        var titles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, path) in new[]
        {
            ("dashboard", "/dashboard"), ("leads", "/leads"), ("calendar", "/scheduling/calendar"), ("operations", "/monitoring"), ("insights", "/insights"), ("insights-kpi", "/insights/uptime"),
            ("audit", "/admin/audit"), ("events", "/admin/events"), ("jobs", "/admin/jobs"), ("privacy", "/admin/privacy"), ("compliance", "/admin/compliance"), ("security", "/account/mfa"),
            ("support-inbox", "/support/inbox"), ("knowledge", "/support/kb"), ("chat-console", "/support/chat"), ("home-signed-in", "/"),
            ("calendars", "/company/calendars"), ("calendar-edit", "/company/calendars/apac"), ("availability", "/scheduling/availability"), ("meeting-types", "/scheduling/meeting-types"),
        })
        {
            await page.GotoAsync(path);
            await AxeCore.ScreenshotAsync(page, $"staff-{name}");
            failures.AddRange((await AxeCore.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
            titles.Add(await page.TitleAsync());
        }

        // A lead's page, when there is one.
        await page.GotoAsync("/leads");
        if (await page.Locator("main a[href^='/leads/']").CountAsync() > 0)
        {
            await page.Locator("main a[href^='/leads/']").First.ClickAsync();
            await page.WaitForPageAsync("**/leads/*");
            await AxeCore.ScreenshotAsync(page, "staff-lead");
            failures.AddRange((await AxeCore.SeriousViolationsAsync(page)).Select(v => $"lead page: {v}"));
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(titles.Count >= 10, "staff pages share titles: " + string.Join(" | ", titles));
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await AxeCore.ScreenshotAsync(page, name);
        var violations = await AxeCore.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{name} ({page.Url}):\n" + string.Join('\n', violations));
    }
}
