using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Nqba.Server.Modules.Intake.Assessment;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Testing;

namespace Nqba.Server.Tests.Intake;

/// <summary>The leads workspace (issue 19): search, filters, order and paging in the database, through the API and the page.</summary>
public sealed class LeadsWorkspaceTests(NqbaFactory factory) : IClassFixture<NqbaFactory>
{
    /// <summary>Writes leads as capture would leave them (encrypted contact, keyed e-mail hash), with the given fields set.</summary>
    private async Task<List<Lead>> SeedAsync(string company, int count, Action<Lead, int>? shape = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<FieldProtector>();
        var organization = Guid.NewGuid();
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var leads = new List<Lead>();
        for (var i = 0; i < count; i++)
        {
            var email = $"person{i}@{company.ToLowerInvariant()}.example";
            var lead = new Lead
            {
                Id = Guid.CreateVersion7(),
                ClientOrganizationId = organization,
                ContactName = $"Person {i} of {company}",
                ContactEmail = email,
                ContactEmailHash = await protector.SearchHashAsync(email, CancellationToken.None),
                CompanyName = $"{company} {i}",
                RegionCode = "europe",
                Source = LeadSource.WebForm,
                CapturedAt = now.AddMinutes(-i),
            };
            shape?.Invoke(lead, i);
            leads.Add(lead);
        }

        db.Leads.AddRange(leads);
        await db.SaveChangesAsync();
        return leads;
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/leads/search?" + query);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string> Companies(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("companyName").GetString()!)];

    [Fact]
    public async Task Search_FindsPartOfACompanyInAnyCase_AndAContactByTheirExactAddress_NotByPartOfIt()
    {
        var company = $"Zebra{Guid.NewGuid():N}"[..14];
        await SeedAsync(company, 3);
        var admin = await factory.CreateAdminClientAsync();

        var part = await SearchAsync(admin, "q=" + company[2..10].ToUpperInvariant());
        var exact = await SearchAsync(admin, $"q=person1@{company.ToLowerInvariant()}.example");
        var partOfAddress = await SearchAsync(admin, $"q=person1@{company.ToLowerInvariant()}");

        Assert.Equal(3, part.GetProperty("total").GetInt32());
        Assert.Equal([$"{company} 1"], Companies(exact));
        Assert.Equal(0, partOfAddress.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ResponseFilter_InTheDatabase_AgreesWithEachLeadsShownState_ForEveryState()
    {
        var company = $"Clock{Guid.NewGuid():N}"[..14];
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await SeedAsync(company, 6, (l, i) =>
        {
            l.ResponseDueAt = now.AddHours(-1);
            switch (i)
            {
                case 0: l.ResponseDueAt = now.AddHours(1); break; // running
                case 1: l.EscalatedAt = now.AddMinutes(-5); break; // at risk
                case 2: l.BreachedAt = now.AddMinutes(-1); break; // breached
                case 3: l.FirstTouchedAt = now.AddHours(-2); break; // met (before the due time)
                case 4: l.FirstTouchedAt = now.AddMinutes(-10); break; // met late (after it)
                default: l.FirstTouchedAt = now.AddHours(-2); l.BreachedAt = now.AddHours(-3); break; // met late (breached first)
            }
        });
        var admin = await factory.CreateAdminClientAsync();
        var expected = new Dictionary<string, string[]>
        {
            ["Running"] = [$"{company} 0"],
            ["AtRisk"] = [$"{company} 1"],
            ["Breached"] = [$"{company} 2"],
            ["Met"] = [$"{company} 3"],
            ["MetLate"] = [$"{company} 4", $"{company} 5"],
        };

        foreach (var (state, companies) in expected)
        {
            var page = await SearchAsync(admin, $"q={company}&response={state}&sort=company");
            Assert.Equal(companies, Companies(page));
            Assert.All(page.GetProperty("items").EnumerateArray(), l => Assert.Equal(state, l.GetProperty("responseState").GetString()));
        }
    }

    [Fact]
    public async Task Pages_CoverEveryMatchOnce_InTheChosenOrder_WithTheTotal()
    {
        var company = $"Pager{Guid.NewGuid():N}"[..14];
        await SeedAsync(company, 7, (l, i) => l.Score = i == 6 ? null : (i * 3) % 7);
        var admin = await factory.CreateAdminClientAsync();

        var pages = new List<JsonElement>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await SearchAsync(admin, $"q={company}&sort=score&pageSize=3&page={page}"));
        }

        Assert.All(pages, p => Assert.Equal(7, p.GetProperty("total").GetInt32()));
        Assert.All(pages, p => Assert.Equal(3, p.GetProperty("pages").GetInt32()));
        Assert.Equal([3, 3, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        var scores = pages.SelectMany(p => p.GetProperty("items").EnumerateArray())
            .Select(l => l.GetProperty("score").ValueKind == JsonValueKind.Null ? (int?)null : l.GetProperty("score").GetInt32()).ToList();
        Assert.Equal([6, 5, 3, 2, 1, 0, null], scores); // highest first, the unscored last
        Assert.Equal(7, pages.SelectMany(Companies).Distinct().Count());

        var newest = await SearchAsync(admin, $"q={company}&pageSize=2");
        Assert.Equal([$"{company} 0", $"{company} 1"], Companies(newest));
        var oldest = await SearchAsync(admin, $"q={company}&sort=oldest&pageSize=2");
        Assert.Equal([$"{company} 6", $"{company} 5"], Companies(oldest));
    }

    [Fact]
    public async Task SpecialistAndTierFilters_KeepOnlyTheirLeads()
    {
        var company = $"Owner{Guid.NewGuid():N}"[..14];
        var specialist = Guid.NewGuid();
        await SeedAsync(company, 4, (l, i) =>
        {
            l.SpecialistId = i < 2 ? specialist : Guid.NewGuid();
            l.Tier = i % 2 == 0 ? LeadTier.Hot : LeadTier.Cold;
        });
        var admin = await factory.CreateAdminClientAsync();

        Assert.Equal([$"{company} 0", $"{company} 1"], Companies(await SearchAsync(admin, $"q={company}&specialistId={specialist}")));
        Assert.Equal([$"{company} 0"], Companies(await SearchAsync(admin, $"q={company}&specialistId={specialist}&tier=hot")));
    }

    [Fact]
    public async Task BadParameters_Are400_NamingEachOne()
    {
        var admin = await factory.CreateAdminClientAsync();

        var response = await admin.GetAsync("/api/leads/search?pageSize=1000&page=0&tier=gold&sort=fastest&response=late&specialistId=me&capturedWithinHours=-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["capturedWithinHours", "page", "pageSize", "response", "sort", "specialistId", "tier"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Page_InGerman_ShowsWordsNotCodes_AndLinksThroughThePages_KeepingTheFilters()
    {
        var company = $"Seite{Guid.NewGuid():N}"[..14];
        await SeedAsync(company, 120, (l, i) => l.Tier = LeadTier.Hot);
        var admin = await factory.CreateAdminClientAsync();

        var first = WebUtility.HtmlDecode(await admin.GetStringAsync($"/leads?q={company}&lang=de"));
        var last = WebUtility.HtmlDecode(await admin.GetStringAsync($"/leads?q={company}&lang=de&page=3"));
        var mistyped = await admin.GetAsync($"/leads?q={company}&page=abc&tier=gold&lang=de");

        Assert.Contains("1–50 von 120 Leads", first, StringComparison.Ordinal);
        Assert.Contains("Seite 1 von 3", first, StringComparison.Ordinal);
        Assert.Contains($"/leads?q={company}&page=2&lang=de", first, StringComparison.Ordinal);
        Assert.Contains("Heiß", first, StringComparison.Ordinal);
        Assert.Contains("Webformular", first, StringComparison.Ordinal);
        Assert.Contains("101–120 von 120 Leads", last, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, mistyped.StatusCode); // a mistyped link shows the first page, unfiltered by the bad value
        Assert.Contains("1–50 von 120 Leads", WebUtility.HtmlDecode(await mistyped.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
