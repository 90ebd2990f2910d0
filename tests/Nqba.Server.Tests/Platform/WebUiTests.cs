using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>The public site's shell: home page, remembered language, HTML errors for browsers, HEAD, page titles.</summary>
public sealed class WebUiTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    private HttpClient Browser()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        return client;
    }

    [Fact]
    public async Task Home_IsPublic_AndLinksIntakeBookingStatusHelpAndSignIn()
    {
        var response = await Browser().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var link in new[] { "href=\"/intake\"", "href=\"/book\"", "href=\"/status\"", "href=\"/help\"", "href=\"/account/login?ReturnUrl=%2Fdashboard\"" })
        {
            Assert.Contains(link, html, StringComparison.Ordinal);
        }

        Assert.Contains("FLYFOX AI", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<title>"));
    }

    [Fact]
    public async Task LanguageSwitch_SetsTheCookie_AndLaterPagesUseIt()
    {
        var client = factory.CreateClient();

        var switched = await client.GetAsync("/culture?c=de&returnUrl=%2Fintake%3Flang%3Den");
        var intake = await client.GetStringAsync("/intake");
        var home = await client.GetStringAsync("/");

        Assert.Contains("<html lang=\"de\"", intake, StringComparison.Ordinal);
        Assert.Contains("Sprechen Sie mit", WebUtility.HtmlDecode(home), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"de\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
    }

    [Fact]
    public async Task LangQuery_IsRemembered_OnTheNextPage()
    {
        var client = factory.CreateClient();

        await client.GetStringAsync("/status?lang=ja");
        var help = await client.GetStringAsync("/help");

        Assert.Contains("<html lang=\"ja\"", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Culture_RefusesToRedirectOffSite()
    {
        var response = await Browser().GetAsync("/culture?c=ja&returnUrl=%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UnknownPage_ForABrowser_IsAnHtmlPage_ForAnApiClientAProblem()
    {
        var page = await Browser().GetAsync("/no-such-page");
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var problem = await api.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await problem.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/status")]
    [InlineData("/intake")]
    [InlineData("/book/nqba-core")]
    [InlineData("/healthz")]
    public async Task Head_IsAnsweredWhereGetIs(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        var response = await Browser().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task PublicPages_HaveTheirOwnTitles()
    {
        var client = Browser();
        var titles = new List<string>();
        foreach (var path in new[] { "/", "/intake", "/book/nqba-core", "/book/nqba-core?type=discovery-30&tz=UTC", "/help", "/account/login" })
        {
            var html = await client.GetStringAsync(path);
            var matches = System.Text.RegularExpressions.Regex.Matches(html, "<title>(.*?)</title>");
            Assert.True(matches.Count == 1, $"{path} has {matches.Count} titles");
            titles.Add(matches[0].Groups[1].Value);
        }

        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
    }
}
