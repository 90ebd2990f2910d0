using Microsoft.Playwright;

namespace Nqba.Browser.Tests;

public sealed class IntakeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static async Task ChooseAsync(IPage page, string question, params string[] options)
    {
        foreach (var option in options)
        {
            await page.CheckAsync($"#{question}-{option}");
        }
    }

    [Fact]
    public async Task Prospect_FillsIntakeAndAssessmentAtPhoneWidth_SeesTheRecommendation()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync("/intake");
        await page.FillAsync("#name", "Grace Hopper");
        await page.FillAsync("#email", $"grace@browser-{Guid.NewGuid():N}.example");
        await page.FillAsync("#company", "Compiler Corp");
        await page.SelectOptionAsync("#region", "us-east");
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync("**/intake/assessment/**");
        await ChooseAsync(page, "goal", "automate");
        await ChooseAsync(page, "also_interested", "leads");
        await page.ClickAsync("button[value=save]");
        // The branch opened by the first answer appears after saving.
        await ChooseAsync(page, "automation_area", "support", "analytics");
        await ChooseAsync(page, "data", "warehouse");
        await ChooseAsync(page, "tooling", "custom");
        await ChooseAsync(page, "team", "engineering");
        await ChooseAsync(page, "budget", "over_250k");
        await ChooseAsync(page, "timeline", "now");
        await ChooseAsync(page, "authority", "final");
        await ChooseAsync(page, "size", "over_500");
        await ChooseAsync(page, "industry", "technology");
        await ChooseAsync(page, "region", "north_america");
        await page.ClickAsync("button[value=finish]");

        // "demo" is shown once the team answer is saved: the page asks for it before completing.
        await page.WaitForSelectorAsync("[role=alert]");
        await ChooseAsync(page, "demo", "yes");
        await page.ClickAsync("button[value=finish]");

        await page.WaitForSelectorAsync("[data-testid=recommendation]");
        Assert.Equal("Hot", await page.TextContentAsync("[data-testid=tier]"));
        Assert.Equal("FLYFOX AI", await page.TextContentAsync("[data-testid=unit]"));
        Assert.Equal("Sigma Select", await page.TextContentAsync("[data-testid=runner-up]"));
        Assert.Equal("90-min strategic consultation", await page.TextContentAsync("[data-testid=meeting]"));
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide at a 390px viewport");
    }

    [Fact]
    public async Task IntakePage_InGerman_ShowsGermanLabels()
    {
        var page = await fixture.NewPageAsync(width: 390, height: 844, locale: "de-DE");

        await page.GotoAsync("/intake?lang=de");

        Assert.Equal("Sprechen Sie mit NQBA", await page.TextContentAsync("h1"));
        Assert.Equal("Ihr Name", await page.TextContentAsync("label[for=name]"));
    }
}
