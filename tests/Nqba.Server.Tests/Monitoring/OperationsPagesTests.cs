using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;

namespace Nqba.Server.Tests.Monitoring;

public sealed partial class OperationsPagesTests(MonitoringFactory factory) : IClassFixture<MonitoringFactory>
{
    [Fact]
    public async Task OperationsPage_ShowsComponentStatesOpenIncidentsAndServiceLevels_InGerman()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        var title = "Queue backlog " + Guid.NewGuid().ToString("N")[..6];
        await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title, components = new[] { component }, message = "Looking into it." });

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/monitoring?lang=de"));

        Assert.Contains("Offene Störungen", page, StringComparison.Ordinal);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains($"data-component=\"{component}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-level=\"api\"", page, StringComparison.Ordinal);
        Assert.Contains("data-level=\"database\"", page, StringComparison.Ordinal);
        Assert.Contains("&lt; 25 ms", await admin.GetStringAsync("/monitoring"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentPage_ListsAffectedClientsAndTickets_AndItsFormNotifiesThem()
    {
        var admin = await factory.CreateAdminClientAsync();
        var component = await MonitoringFactory.CreateComponentAsync(admin);
        await admin.PutAsJsonAsync($"/api/monitoring/clients/{DemoCompany.SakuraCapital}/services", new { services = new[] { new { component, monthlyFee = 50m } } });
        var email = $"sakura-{Guid.NewGuid():N}@incident.test";
        await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.SakuraCapital);
        var incident = (await (await admin.PostAsJsonAsync("/api/monitoring/incidents", new { title = "Trading feed delayed", components = new[] { component }, message = "Quotes are late." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A bearer client does not carry its Authorization header across a redirect, so the redirects are followed by hand.
        var form = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        form.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        var page = WebUtility.HtmlDecode(await form.GetStringAsync($"/monitoring/incidents/{incident}"));
        var token = TokenPattern().Match(page).Groups[1].Value;
        var posted = await form.PostAsync($"/monitoring/incidents/{incident}/notify-clients", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Message"] = "Quotes will catch up within the hour." }));
        var after = WebUtility.HtmlDecode(await form.GetStringAsync(posted.Headers.Location));
        var empty = await form.PostAsync($"/monitoring/incidents/{incident}/notify-clients", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Message"] = "" }));
        var withoutToken = await form.PostAsync($"/monitoring/incidents/{incident}/notify-clients", new FormUrlEncodedContent(new Dictionary<string, string> { ["Message"] = "Forged request" }));

        Assert.Contains("Trading feed delayed", page, StringComparison.Ordinal);
        Assert.Contains($"data-organization=\"{DemoCompany.SakuraCapital}\"", page, StringComparison.Ordinal);
        Assert.Contains("notify-form", page, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(token));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("data-testid=\"notified\"", after, StringComparison.Ordinal);
        Assert.Contains("?error=message", empty.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task OperationsPages_ClientUser_IsNotShownThem()
    {
        var email = $"client-{Guid.NewGuid():N}@ops.test";
        var (_, password) = await factory.CreateUserAsync(email, NqbaRoles.Client, DemoCompany.AcmeCorp);
        var client = await factory.CreateClientForAsync(email, password);

        var page = await client.GetAsync("/monitoring");

        Assert.DoesNotContain("data-testid=\"components\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*?value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
