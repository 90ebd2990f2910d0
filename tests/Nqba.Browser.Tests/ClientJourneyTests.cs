using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nqba.Server.Modules.Intake;
using Nqba.Server.Modules.Scheduling;

namespace Nqba.Browser.Tests;

/// <summary>
/// The client's one path, as a prospect walks it: home → intake → assessment (steps) → recommendation → the routed
/// specialist's booking page → confirmation → the booking on the lead. At phone and desktop width, in English and
/// Japanese; every page is checked with axe-core and kept as a screenshot.
/// </summary>
public sealed class ClientJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("en", 390, 844)]
    [InlineData("en", 1280, 900)]
    [InlineData("ja", 390, 844)]
    [InlineData("ja", 1280, 900)]
    public async Task Prospect_WalksFromHomeToABookedMeeting_ThatShowsOnTheLead(string lang, int width, int height)
    {
        var page = await fixture.NewPageAsync(width, height, locale: lang == "ja" ? "ja-JP" : "en-US", timeZone: lang == "ja" ? "Asia/Tokyo" : "America/New_York", axe: true);
        var tag = $"{lang}-{width}";

        await page.GotoAsync($"/?lang={lang}");
        await CheckAsync(page, $"journey-{tag}-1-home", width);
        await page.ClickAsync("[data-testid=talk-to-us]");

        // Intake: the language stays (cookie), the submit button is in view on a desktop screen.
        await page.WaitForPageAsync("**/intake");
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        var email = $"journey-{Guid.NewGuid():N}@browser.example";
        await page.FillAsync("#name", "Grace Hopper");
        await page.FillAsync("#email", email);
        await page.FillAsync("#company", "Compiler Corp");
        await page.SelectOptionAsync("#region", "us-east");
        await page.SelectOptionAsync("#industry", "technology");
        await page.FillAsync("#phone", "+1 555 0100");
        if (height >= 900)
        {
            var box = await page.Locator("form button[type=submit]").BoundingBoxAsync();
            Assert.True(box is not null && box.Y + box.Height <= height, $"submit button at {box?.Y} is below the fold ({height}px)");
        }

        await CheckAsync(page, $"journey-{tag}-2-intake", width);
        await page.ClickAsync("form button[type=submit]");

        // Assessment: steps with progress; region and industry (given on the form) are not asked again.
        await page.WaitForPageAsync("**/intake/assessment/**");
        await CheckAsync(page, $"journey-{tag}-3-assessment", width);
        var wentBack = false;
        for (var round = 0; round < 15 && await page.Locator("[data-testid=recommendation]").CountAsync() == 0; round++)
        {
            Assert.Equal(0, await page.Locator("[data-question=region], [data-question=industry]").CountAsync());
            Assert.True(await page.Locator("[data-testid=progress]").IsVisibleAsync());
            foreach (var question in await page.Locator("fieldset[data-question]").AllAsync())
            {
                var id = (await question.GetAttributeAsync("data-question"))!;
                foreach (var option in ProspectAnswers.ByQuestion[id])
                {
                    await page.CheckAsync($"#{id}-{option}");
                }
            }

            if (!wentBack && await page.Locator("[data-testid=back]").CountAsync() > 0)
            {
                // Back keeps what was answered.
                await page.ClickAsync("[data-testid=back]");
                await page.WaitForSelectorAsync("#goal-automate");
                Assert.True(await page.IsCheckedAsync("#goal-automate"));
                await page.ReloadAsync();
                Assert.True(await page.IsCheckedAsync("#goal-automate"));
                wentBack = true;
                continue;
            }

            var next = page.Locator("[data-testid=next], [data-testid=finish]").First;
            await next.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        Assert.True(wentBack, "the assessment had no back button on a later step");

        // The result in the client's words: the team and the meeting, no internal scores.
        await page.WaitForSelectorAsync("[data-testid=recommendation]");
        var result = await page.InnerTextAsync("main");
        Assert.Contains("FLYFOX AI", result, StringComparison.Ordinal);
        Assert.DoesNotContain("Hot", result, StringComparison.Ordinal);
        Assert.DoesNotContain("/100", result, StringComparison.Ordinal);
        Assert.DoesNotContain("/ 100", result, StringComparison.Ordinal);
        await CheckAsync(page, $"journey-{tag}-4-result", width);
        await page.ClickAsync("[data-testid=book-recommended]");

        // The routed specialist's booking page, the recommended meeting chosen, in the visitor's zone.
        await page.WaitForPageAsync("**tz=**");
        Assert.Contains("type=strategic-90", page.Url, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("[data-testid=calendar]");
        for (var month = 0; month < 3 && await page.Locator("[data-testid=slot]").CountAsync() == 0; month++)
        {
            await page.ClickAsync("[data-testid=next-month]");
            await page.WaitForSelectorAsync("[data-testid=calendar]");
        }

        Assert.Contains(lang == "ja" ? "Asia/Tokyo" : "America/New York", await page.TextContentAsync("[data-testid=zone]"), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-testid=host-name]").IsVisibleAsync());
        await CheckAsync(page, $"journey-{tag}-5-booking", width);
        var token = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(page.Url).Query)["lead"].ToString();
        Assert.False(string.IsNullOrEmpty(token), page.Url);
        await page.Locator("[data-testid=slot]").First.ClickAsync();

        // Contact details come from the intake.
        await page.WaitForPageAsync("**/confirm?**");
        Assert.Equal("Grace Hopper", await page.InputValueAsync("#name"));
        Assert.Equal(email, await page.InputValueAsync("#email"));
        await CheckAsync(page, $"journey-{tag}-6-confirm", width);
        await page.ClickAsync("form button[type=submit]");

        // Confirmation: calendar file, video link, manage link (reschedule), cancel not the primary action.
        await page.WaitForSelectorAsync("[data-testid=status]");
        Assert.True(await page.Locator("[data-testid=ics]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-testid=video]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-testid=reschedule]").IsVisibleAsync());
        Assert.Contains("danger-outline", await page.GetAttributeAsync("[data-testid=cancel]", "class"), StringComparison.Ordinal);
        await CheckAsync(page, $"journey-{tag}-7-confirmation", width);

        // The booking is on the lead.
        await using var scope = fixture.Services.CreateAsyncScope();
        var lead = await scope.ServiceProvider.GetRequiredService<IIntakeLeads>().FindByAssessmentLinkAsync(token, CancellationToken.None);
        Assert.NotNull(lead);
        var meetings = await scope.ServiceProvider.GetRequiredService<ILeadMeetings>().ForLeadAsync(lead.LeadId, CancellationToken.None);
        Assert.Single(meetings);
        Assert.Equal("strategic-90", meetings[0].MeetingType);
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
