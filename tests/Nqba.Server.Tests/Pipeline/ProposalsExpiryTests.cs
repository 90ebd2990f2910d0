using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nqba.Testing;

namespace Nqba.Server.Tests.Pipeline;

/// <summary>
/// An offer past its last valid day cannot be accepted (409 naming validUntil), and a link past its lifetime is a clear
/// 410, never a 500. The clock moves weeks ahead here, so these tests have a server of their own.
/// </summary>
public sealed class ProposalsExpiryTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    [Fact]
    public async Task AnExpiredOffer_CannotBeAccepted_AndAnExpiredLink_SaysSo()
    {
        var (admin, dealId, _) = await ProposalsApiTests.DealAsync(factory);
        var today = ProposalsApiTests.Today(factory);
        var id = (await ProposalsApiTests.CreateAsync(admin, dealId, ProposalsApiTests.Body(today, $"pia-{Guid.NewGuid():N}@deal-werke.example", language: "en"))).GetProperty("id").GetGuid();
        var token = Uri.EscapeDataString(await ProposalsApiTests.SendAsync(admin, id));
        var client = factory.CreateClient();
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{token}")).GetProperty("canAnswer").GetBoolean());

        // Two days on, the offer (valid until today) has expired; the link still shows it.
        factory.Clock.Advance(TimeSpan.FromDays(2));
        var refused = await client.PostAsync($"/api/proposals/{token}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("\"validUntil\"", problem, StringComparison.Ordinal);
        Assert.Contains("proposal_expired", problem, StringComparison.Ordinal);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{token}");
        Assert.Equal("expired", view.GetProperty("status").GetString());
        Assert.False(view.GetProperty("canAnswer").GetBoolean());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/proposals/{token}?lang=en"));
        Assert.Contains("This offer has expired", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"proposal-accept\"", page, StringComparison.Ordinal);
        admin = await factory.CreateAdminClientAsync();
        Assert.Equal("expired", (await admin.GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}")).GetProperty("status").GetString());

        // An expired offer is not sent again as it is: it needs a new date (a new version).
        var resend = await admin.PutAsJsonAsync($"/api/pipeline/proposals/{id}", ProposalsApiTests.Body(today, "pia@deal-werke.example"));
        Assert.Equal(HttpStatusCode.BadRequest, resend.StatusCode);
        Assert.Contains("\"validUntil\"", await resend.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Past the link's lifetime (validity + 30 days): 410 from the API, a page that says the link expired.
        factory.Clock.Advance(TimeSpan.FromDays(30));
        var gone = await client.GetAsync($"/api/proposals/{token}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("link_expired", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, (await client.PostAsync($"/api/proposals/{token}/accept", null)).StatusCode);
        var expiredPage = await client.GetAsync($"/proposals/{token}?lang=de");
        Assert.Equal(HttpStatusCode.Gone, expiredPage.StatusCode);
        Assert.Contains("Dieser Angebotslink ist abgelaufen", WebUtility.HtmlDecode(await expiredPage.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Staff get a fresh link, which lives 30 days from now.
        var fresh = (await (await factory.CreateAdminClientAsync()).GetFromJsonAsync<JsonElement>($"/api/pipeline/proposals/{id}")).GetProperty("clientLink").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/proposals/{Uri.EscapeDataString(ProposalsApiTests.TokenOf(fresh))}")).StatusCode);
    }
}
