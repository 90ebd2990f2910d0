using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Platform.Modules;
using Nqba.Server.Platform.Security;
using Nqba.Server.Platform.Seeding;
using Nqba.Server.Tests.Architecture.Planted.Modules.Gamma;
using Nqba.Testing;

namespace Nqba.Server.Tests.Platform;

/// <summary>
/// The staff navigation is made of the entries the modules declare, each shown to the roles it names, on the real
/// page. The fixture's server also carries the planted Gamma module, to show a new module's entry appears.
/// </summary>
public sealed partial class NavigationTests(NavigationTests.Fixture fixture) : IClassFixture<NavigationTests.Fixture>
{
    public sealed class Fixture : NqbaFactory
    {
        public Dictionary<string, HttpClient> Clients { get; } = new(StringComparer.Ordinal);

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var role in NqbaRoles.All)
            {
                var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@nav.test";
                var (_, password) = await CreateUserAsync(email, role, role == NqbaRoles.Client ? DemoCompany.AcmeCorp : null);
                var key = NqbaRoles.IsStaff(role) ? await EnableTotpAsync(email) : null;
                Clients[role] = await CreateClientForAsync(email, password, key);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton(new ModuleCatalog(
                [.. ModuleCatalog.Discover(typeof(Program).Assembly).Modules, new GammaModuleDeclaration()])));
        }
    }

    public static TheoryData<string, string[]> Expected() => new()
    {
        { NqbaRoles.Admin, ["/dashboard", "/leads", "/insights", "/pipeline", "/onboarding", "/scheduling/calendar", "/scheduling/availability", "/scheduling/meeting-types", "/monitoring", "/support/inbox", "/support/chat", "/support/kb", "/company/calendars", "/docs", "/admin/audit", "/admin/privacy", "/admin/compliance", "/admin/events", "/admin/jobs", "/account/mfa"] },
        { NqbaRoles.ComplianceOfficer, ["/dashboard", "/leads", "/insights", "/pipeline", "/onboarding", "/scheduling/calendar", "/scheduling/availability", "/monitoring", "/support/inbox", "/support/chat", "/support/kb", "/company/calendars", "/docs", "/admin/audit", "/admin/privacy", "/admin/compliance", GammaModuleDeclaration.Path, "/account/mfa"] },
        { NqbaRoles.SalesRep, ["/dashboard", "/leads", "/insights", "/pipeline", "/onboarding", "/scheduling/calendar", "/scheduling/availability", "/monitoring", "/support/inbox", "/support/chat", "/support/kb", "/company/calendars", "/docs", "/account/mfa"] },
        { NqbaRoles.SupportAgent, ["/dashboard", "/leads", "/insights", "/pipeline", "/onboarding", "/scheduling/calendar", "/scheduling/availability", "/monitoring", "/support/inbox", "/support/chat", "/support/kb", "/company/calendars", "/docs", "/account/mfa"] },
        { NqbaRoles.Trader, ["/dashboard", "/leads", "/insights", "/pipeline", "/onboarding", "/scheduling/calendar", "/scheduling/availability", "/monitoring", "/support/inbox", "/support/chat", "/support/kb", "/trading", "/company/calendars", "/docs", "/account/mfa"] },
        { NqbaRoles.Client, ["/dashboard", "/support/portal", "/onboarding/mine", "/account/mfa"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task StaffNavigation_ShowsTheModulesEntries_ToTheirRolesOnly(string role, string[] expected)
    {
        var links = await NavigationLinksAsync(fixture.Clients[role]);

        Assert.Equal(expected, links.Select(l => l.Href));
    }

    [Fact]
    public async Task StaffNavigation_EveryDeclaredEntry_IsShownToSomeRole_WithItsLocalizedLabel()
    {
        var catalog = fixture.Services.GetRequiredService<ModuleCatalog>();
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var role in NqbaRoles.All)
        {
            foreach (var (href, label) in await NavigationLinksAsync(fixture.Clients[role]))
            {
                shown[href] = label;
            }
        }

        Assert.Equal(catalog.Navigation.Select(e => e.Path).Order(StringComparer.Ordinal), shown.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Leads", shown["/leads"]);
        Assert.Equal("Background jobs", shown["/admin/jobs"]);
    }

    [Fact]
    public async Task StaffNavigation_IsLocalized()
    {
        var links = await NavigationLinksAsync(fixture.Clients[NqbaRoles.Admin], "de");

        Assert.Contains(links, l => l.Href == "/admin/jobs" && l.Label == "Hintergrundaufträge");
        Assert.Equal(links.Count, links.Select(l => l.Label).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task APlantedModulesEndpoint_IsMapped()
    {
        Assert.Equal("pong", await fixture.CreateClient().GetStringAsync(new Uri(GammaModuleDeclaration.Path + "/ping", UriKind.Relative)));
    }

    private static async Task<List<(string Href, string Label)>> NavigationLinksAsync(HttpClient client, string language = "en")
    {
        // Accept-Language rather than ?lang=, which would be remembered in the shared client's cookie.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/mfa");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var nav = NavPattern().Match(html);
        Assert.True(nav.Success, "no staff navigation on the page");
        return [.. LinkPattern().Matches(nav.Groups[1].Value).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value).Trim()))];
    }

    [GeneratedRegex("<nav class=\"nav\"[^>]*>(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex NavPattern();

    [GeneratedRegex("<a href=\"([^\"]+)\"[^>]*>(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex LinkPattern();
}
