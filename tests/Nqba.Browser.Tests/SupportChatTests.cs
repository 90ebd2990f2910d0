using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Nqba.Server.Platform;
using Nqba.Server.Platform.Calendar;
using Nqba.Server.Platform.Company;
using Nqba.Server.Platform.Security;
using Nqba.Testing;

namespace Nqba.Browser.Tests;

/// <summary>The chat widget embedded on another site talks to the agent console: bot first, then a person.</summary>
public sealed class SupportChatTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Region = "browser-open";

    [Fact]
    public async Task Visitor_OnAnotherSite_GetsABotAnswer_ThenAsksForAHuman_AndSeesTheAgentsReply()
    {
        await AddAlwaysOpenRegionAsync();
        var word = "w" + Guid.NewGuid().ToString("N")[..8];
        var admin = await fixture.CreateAdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/support/kb/articles", new
        {
            title = $"Change the {word} invoice address",
            slug = "invoice-" + word,
            body = $"Open **Billing**, choose *Invoice address* and save the new {word} address.",
            language = "en",
        });
        created.EnsureSuccessStatusCode();

        // The agent signs in (password and code) and opens the console.
        var agent = await SignInAgentAsync("/support/chat");
        await agent.WaitForSelectorAsync("[data-console=root][data-connected=true]");

        // A page on another origin (its own port) embeds the widget with one script tag.
        var widget = new Uri(fixture.BaseAddress, "/chat/widget.js");
        using var shop = ShopSite.Start($"<!DOCTYPE html><html><body><h1>Shop</h1><script src=\"{widget}\" data-region=\"{Region}\" data-lang=\"en\"></script></body></html>");
        var visitor = await fixture.NewPageAsync();
        var console = new List<string>();
        visitor.Console += (_, m) => console.Add(m.Text);
        visitor.PageError += (_, e) => console.Add(e);
        await visitor.GotoAsync(shop.Address.ToString());
        try
        {
            await visitor.ClickAsync("[data-nqba=open]", new PageClickOptions { Timeout = 20_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail("The widget did not appear: " + string.Join(" | ", console));
        }

        await visitor.FillAsync("[data-nqba=name]", "Vera Visitor");
        await visitor.FillAsync("[data-nqba=email]", "vera@shop.example");
        await visitor.ClickAsync("[data-nqba=start]");
        await visitor.WaitForSelectorAsync("[data-nqba=message][data-sender=Bot]");

        await visitor.FillAsync("[data-nqba=input]", $"How do I change my {word} invoice address?");
        await visitor.ClickAsync("[data-nqba=send]");
        var answer = visitor.Locator("[data-nqba=message][data-sender=Bot]", new PageLocatorOptions { HasTextString = $"Change the {word} invoice address" });
        await answer.WaitForAsync();

        await visitor.ClickAsync("[data-nqba=human]");
        await visitor.WaitForSelectorAsync("[data-nqba=panel][data-status=Waiting]");

        var waiting = agent.Locator("[data-console=list] li[data-status=Waiting]", new PageLocatorOptions { HasTextString = "Vera Visitor" });
        // The 30-second first-response clock counts down beside the waiting chat.
        await waiting.Locator(".countdown[data-due]").WaitForAsync();
        await agent.WaitForFunctionAsync("() => /\\d+m \\d\\ds/.test(document.querySelector('[data-console=list] li[data-status=Waiting] .countdown').textContent)");
        await waiting.Locator("[data-console=accept]").ClickAsync();
        await agent.Locator("[data-console=messages] [data-sender=Visitor]", new PageLocatorOptions { HasTextString = word }).WaitForAsync();
        await agent.FillAsync("[data-console=input]", "Hi Vera, I have changed it for you.");
        await agent.ClickAsync("[data-console=send]");

        var reply = visitor.Locator("[data-nqba=message][data-sender=Agent]");
        await reply.WaitForAsync();
        Assert.Contains("I have changed it for you", await reply.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Active", await visitor.GetAttributeAsync("[data-nqba=panel]", "data-status"));
    }

    [Fact]
    public async Task Staff_WritesAnArticleInTheEditor_PreviewsIt_AndSavesIt()
    {
        var agent = await SignInAgentAsync("/support/kb?lang=de");
        var slug = "editor-" + Guid.NewGuid().ToString("N")[..8];

        await agent.FillAsync("#kb-title", "Rechnungsadresse ändern");
        await agent.FillAsync("#kb-slug", slug);
        await agent.SelectOptionAsync("#kb-language", "de");
        await agent.FillAsync("#kb-body", "## Schritte\n\nÖffnen Sie **Abrechnung**. <script>alert(1)</script>");
        await agent.ClickAsync("button[value=preview]");
        var preview = agent.Locator("[data-testid=kb-preview]");
        await preview.Locator("h2").WaitForAsync();
        Assert.Equal("Abrechnung", await preview.Locator("strong").InnerTextAsync());
        Assert.Equal(0, await preview.Locator("script").CountAsync());

        await agent.ClickAsync("button[value=save]");
        await agent.WaitForSelectorAsync("[data-testid=kb-saved]");
        Assert.Equal("Gespeichert.", await agent.InnerTextAsync("[data-testid=kb-saved]"));
        var published = await fixture.CreateClient().GetAsync($"/api/support/help/articles/de/{slug}");
        Assert.True(published.IsSuccessStatusCode);
    }

    private Task<IPage> SignInAgentAsync(string path) => fixture.SignInNewUserAsync(NqbaRoles.SupportAgent, path);

    private Task AddAlwaysOpenRegionAsync() => TestRegions.AddAsync(fixture.Services, Region, alwaysOpen: true);
}
