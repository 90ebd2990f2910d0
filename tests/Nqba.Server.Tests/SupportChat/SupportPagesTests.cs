using System.Net;
using Nqba.Testing;

namespace Nqba.Server.Tests.SupportChat;

public sealed class SupportPagesTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task ChatConsole_IsLocalized_AndLoadsTheSignalRClientFromThisHost()
    {
        var admin = await factory.CreateAdminClientAsync();

        var german = WebUtility.HtmlDecode(await admin.GetStringAsync("/support/chat?lang=de"));
        var japanese = WebUtility.HtmlDecode(await admin.GetStringAsync("/support/chat?lang=ja"));
        var client = await factory.CreateClient().GetAsync("/lib/signalr/signalr.min.js");

        Assert.Contains("Live-Chat", german, StringComparison.Ordinal);
        Assert.Contains("data-label-accept=\"Annehmen\"", german, StringComparison.Ordinal);
        Assert.Contains("ライブチャット", japanese, StringComparison.Ordinal);
        Assert.Contains("src=\"/lib/signalr/signalr.min.js\"", german, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, client.StatusCode);
    }

    [Fact]
    public async Task KnowledgeEditor_ShowsTheArticleWithItsSanitizedPreview()
    {
        var admin = await factory.CreateAdminClientAsync();
        var id = await KnowledgeBaseTests.CreateAsync(admin, "Editor article", "## Steps\n\n1. Open *Billing*\n\n<script>alert(1)</script>", "en");

        var page = await admin.GetStringAsync($"/support/kb/{id}");

        Assert.Contains("Editor article", page, StringComparison.Ordinal);
        Assert.Contains("Steps</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<em>Billing</em>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Widget_IsServedToOtherSites_WithCors()
    {
        var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/hubs/support/visitor/negotiate?negotiateVersion=1");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var widget = await client.GetAsync("/chat/widget.js");
        var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
        Assert.Contains("HubConnectionBuilder", await widget.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}
