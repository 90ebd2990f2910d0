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

        await page.WaitForPageAsync("**/intake/assessment/**");
        // One step per section; a follow-up question opened by an answer (automation_area, demo) keeps the step open.
        for (var round = 0; round < 15 && await page.Locator("[data-testid=recommendation]").CountAsync() == 0; round++)
        {
            // The region was given on the form: never asked again.
            Assert.Equal(0, await page.Locator("[data-question=region]").CountAsync());
            foreach (var question in await page.Locator("fieldset[data-question]").AllAsync())
            {
                var id = (await question.GetAttributeAsync("data-question"))!;
                await ChooseAsync(page, id, ProspectAnswers.ByQuestion[id]);
            }

            await page.Locator("[data-testid=next], [data-testid=finish]").First.ClickAsync();
            await page.WaitForLoadStateAsync();
        }

        await page.WaitForSelectorAsync("[data-testid=recommendation]");
        Assert.Equal("FLYFOX AI", await page.TextContentAsync("[data-testid=unit]"));
        Assert.Contains("Sigma Select", await page.TextContentAsync("[data-testid=runner-up]"), StringComparison.Ordinal);
        Assert.Equal("90-min strategic consultation", await page.TextContentAsync("[data-testid=meeting]"));
        Assert.DoesNotContain("Hot", await page.InnerTextAsync("main"), StringComparison.Ordinal);
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
