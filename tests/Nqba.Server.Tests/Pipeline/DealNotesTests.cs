using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Pipeline.Persistence;
using Nqba.Server.Platform.Privacy;
using Nqba.Server.Platform.Protection;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// Issue 20, item 4: notes on a deal's timeline. Kept through the API and the deal page's form, encrypted at rest under
/// the client organization's key, exported and erased with the organization's personal data.
/// </summary>
public sealed class DealNotesTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task ANote_IsOnTheTimeline_EncryptedAtRest_AndErasedWithTheOrganization()
    {
        var (admin, dealId, organizationId) = await ProposalsApiTests.DealAsync(factory);
        var added = await admin.PostAsJsonAsync($"/api/pipeline/deals/{dealId}/notes", new { text = "Call with Pia Berg: wants SSO before the pilot." });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var noteId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var deal = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
        Assert.Equal("Call with Pia Berg: wants SSO before the pilot.", deal.GetProperty("notes").EnumerateArray().Single().GetProperty("text").GetString());
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/pipeline/deals/{dealId}"));
        Assert.Contains(": Call with Pia Berg: wants SSO before the pilot.", page, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
            Assert.StartsWith("enc1:", await db.DealNotes.Where(n => n.Id == noteId).Select(n => n.Text).SingleAsync(), StringComparison.Ordinal);
            var pipeline = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Name == "pipeline");
            var subject = new DataSubject(null, null, organizationId);
            Assert.Contains(await pipeline.ExportAsync(subject, CancellationToken.None), r => r.Kind == "deal-note" && r.Id == noteId.ToString());
            await pipeline.EraseAsync(subject, CancellationToken.None);
        }

        var erased = await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}");
        Assert.Equal(FieldProtector.ErasedValue, erased.GetProperty("notes").EnumerateArray().Single().GetProperty("text").GetString());
    }

    [Fact]
    public async Task ABadNote_IsA400NamingText_AndTheFormSaysWhy()
    {
        var (admin, dealId, _) = await ProposalsApiTests.DealAsync(factory);
        foreach (var text in new[] { "", "   ", new string('x', 4001), "bell\u0007" })
        {
            var bad = await admin.PostAsJsonAsync($"/api/pipeline/deals/{dealId}/notes", new { text });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/pipeline/deals/{Guid.NewGuid()}/notes", new { text = "hello" })).StatusCode);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}")).GetProperty("notes").GetArrayLength());

        using var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        browser.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var token = AntiforgeryTokens.From(await browser.GetStringAsync($"/pipeline/deals/{dealId}"));
        var empty = await browser.PostAsync($"/pipeline/deals/{dealId}/notes", new FormUrlEncodedContent([new("Text", " "), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Contains("text is 1 to 4000 characters", WebUtility.UrlDecode(empty.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var kept = await browser.PostAsync($"/pipeline/deals/{dealId}/notes", new FormUrlEncodedContent([new("Text", "Budget holder is the CFO."), new("__RequestVerificationToken", token)]));
        Assert.Equal($"/pipeline/deals/{dealId}#timeline", kept.Headers.Location!.OriginalString);
        Assert.Equal("Budget holder is the CFO.", (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/deals/{dealId}")).GetProperty("notes").EnumerateArray().Single().GetProperty("text").GetString());
    }
}
