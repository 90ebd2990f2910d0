using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Nqba.Server.Tests.Monitoring;

public sealed class StatusSubscriberEmailTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    /// <summary>The mails to <paramref name="address"/> that match, once the events due now are delivered.</summary>
    private async Task<List<MimeMessage>> MailsToAsync(string address, Func<MimeMessage, bool> match, int expected)
    {
        var found = await factory.SentMailsAsync(m => m.To.Mailboxes.Any(a => a.Address == address) && match(m));
        Assert.True(found.Count >= expected, $"{found.Count} matching mails to {address}, expected {expected}");
        return found;
    }

    [Fact]
    public async Task Subscriber_IsEmailedWhenAnIncidentOpensAndResolves_AndUnsubscribeStopsIt()
    {
        var admin = await factory.CreateAdminClientAsync();
        var anonymous = factory.CreateClient();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var address = $"watcher-{Guid.NewGuid():N}@acme.example";
        (await anonymous.PostAsJsonAsync("/api/status/subscriptions", new { email = address, component })).EnsureSuccessStatusCode();
        var title = $"Checkout errors {Guid.NewGuid():N}";

        var incident = await (await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title, components = new[] { component }, message = "Investigating." }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var opened = await MailsToAsync(address, m => m.Subject == $"[Incident] {title}", 1);
        (await admin.PostAsJsonAsync($"/api/monitoring/incidents/{incident.GetProperty("id").GetGuid()}/updates", new { status = "Resolved", message = "Fixed." })).EnsureSuccessStatusCode();
        var resolved = await MailsToAsync(address, m => m.Subject == $"[Resolved] {title}", 1);

        Assert.Single(opened);
        Assert.Single(resolved);
        var link = opened[0].TextBody!.Split('\n').Single(l => l.StartsWith("Unsubscribe: ", StringComparison.Ordinal))["Unsubscribe: ".Length..].Trim();
        var path = link[link.IndexOf("/status/unsubscribe", StringComparison.Ordinal)..];
        var unsubscribe = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);

        var second = $"Second incident {Guid.NewGuid():N}";
        await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = second, components = new[] { component }, message = "Again." });
        var marker = $"Marker {Guid.NewGuid():N}";
        var other = $"other-{Guid.NewGuid():N}@acme.example";
        (await anonymous.PostAsJsonAsync("/api/status/subscriptions", new { email = other, component })).EnsureSuccessStatusCode();
        await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = marker, components = new[] { component }, message = "Marker." });
        Assert.Single(await MailsToAsync(other, m => m.Subject == $"[Incident] {marker}", 1));
        Assert.Empty(await MailsToAsync(address, m => m.Subject == $"[Incident] {second}", 0));
    }
}
